package dev.nodepulse.procfs.sys.edac;

import dev.nodepulse.procfs.io.SysfsAttributes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * /sys/devices/system/edac/mc/mc[0-9]*: ce_count, ue_count, ce_noinfo_count, ue_noinfo_count, and per
 * csrow[0-9]* ce_count, ue_count and ch&lt;N&gt;_ce_count / ch&lt;N&gt;_ue_count / ch&lt;N&gt;_dimm_label.
 * The controller and csrow counts are required; no controllers at all is not an error.
 */
public final class EdacReader {

    private static final Pattern NUMBERED = Pattern.compile("^(mc|csrow)([0-9]*)");
    private static final Pattern CHANNEL = Pattern.compile("ch([0-9]+)_ce_count");

    private EdacReader() {}

    /** @param mcDir the sysfs directory devices/system/edac/mc */
    public static List<EdacController> read(Path mcDir) throws IOException {
        List<EdacController> out = new ArrayList<>();
        for (String mc : matching(mcDir, "mc")) {
            Path c = mcDir.resolve(mc);
            String number = numberOf(mc);
            long ce = SysfsAttributes.readUnsigned(c.resolve("ce_count"));
            long ceNoInfo = SysfsAttributes.readUnsigned(c.resolve("ce_noinfo_count"));
            long ue = SysfsAttributes.readUnsigned(c.resolve("ue_count"));
            long ueNoInfo = SysfsAttributes.readUnsigned(c.resolve("ue_noinfo_count"));
            List<EdacController.Csrow> csrows = new ArrayList<>();
            for (String row : matching(c, "csrow")) {
                Path r = c.resolve(row);
                long rowCe = SysfsAttributes.readUnsigned(r.resolve("ce_count"));
                long rowUe = SysfsAttributes.readUnsigned(r.resolve("ue_count"));
                List<EdacController.Channel> channels = new ArrayList<>();
                for (String file : SysfsAttributes.list(r)) {
                    if (!file.startsWith("ch") || !file.endsWith("_ce_count")) {
                        continue;
                    }
                    Matcher m = CHANNEL.matcher(file);
                    if (!m.find()) {
                        continue;
                    }
                    String ch = m.group(1);
                    long chCe = SysfsAttributes.readUnsigned(r.resolve(file));
                    Long chUe;
                    try {
                        chUe = SysfsAttributes.readUnsigned(r.resolve("ch" + ch + "_ue_count"));
                    } catch (IOException e) {
                        chUe = null;
                    }
                    channels.add(new EdacController.Channel(ch, dimmLabel(r, ch), chCe, chUe));
                }
                csrows.add(new EdacController.Csrow(numberOf(row), rowCe, rowUe, List.copyOf(channels)));
            }
            out.add(new EdacController(number, ce, ue, ceNoInfo, ueNoInfo, List.copyOf(csrows)));
        }
        return List.copyOf(out);
    }

    /**
     * The DIMM label with '#' removed and "csrow"/"channel" prefixed by '_' (the kernel's default labels
     * become "mc0_csrow0_channel0"); "unknown" when there is none.
     */
    static String dimmLabel(Path csrow, String channel) {
        try {
            String label = SysfsAttributes.readWhole(csrow.resolve("ch" + channel + "_dimm_label"));
            return label.replace("#", "").replace("csrow", "_csrow").replace("channel", "_channel");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Entries named prefix followed by a digit (the glob prefix[0-9]*), sorted. */
    private static List<String> matching(Path dir, String prefix) throws IOException {
        List<String> out = new ArrayList<>();
        List<String> names;
        try {
            names = SysfsAttributes.list(dir);
        } catch (java.nio.file.NoSuchFileException | java.nio.file.NotDirectoryException e) {
            return out;
        }
        for (String n : names) {
            if (n.length() > prefix.length() && n.startsWith(prefix) && n.charAt(prefix.length()) >= '0'
                    && n.charAt(prefix.length()) <= '9') {
                out.add(n);
            }
        }
        return out;
    }

    private static String numberOf(String name) {
        Matcher m = NUMBERED.matcher(name);
        return m.find() ? m.group(2) : "";
    }
}
