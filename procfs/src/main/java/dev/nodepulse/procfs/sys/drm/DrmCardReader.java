package dev.nodepulse.procfs.sys.drm;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.GoStrconv;
import dev.nodepulse.procfs.io.SysfsAttributes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The amdgpu cards of /sys/class/drm, as procfs' ClassDRMCardAMDGPUStats reads them: only entries named
 * card plus one digit (its glob is card[0-9], so card10 and later are never seen), only those whose
 * device/uevent names the amdgpu driver. Every device attribute is optional; a number in it is read with
 * Go's base-0 syntax (0x.., 0o.., underscores), and one that does not parse fails the read (upstream
 * dereferences a nil pointer there and the process dies, which is not worth copying).
 */
public final class DrmCardReader {

    private static final Pattern CARD = Pattern.compile("card[0-9]");
    private static final String AMDGPU_DRIVER = "DRIVER=amdgpu";

    private DrmCardReader() {}

    /**
     * @param classDir the sysfs directory class/drm; a missing or unlistable one holds no cards (a Go glob
     *                 ignores I/O errors), so this never reports "no data"
     */
    public static List<AmdgpuCard> read(Path classDir) throws IOException {
        List<String> names;
        try {
            names = SysfsAttributes.list(classDir);
        } catch (IOException e) {
            return List.of();
        }
        List<AmdgpuCard> cards = new ArrayList<>();
        for (String name : names) {
            if (!CARD.matcher(name).matches()) {
                continue;
            }
            Path device = classDir.resolve(name).resolve("device");
            String uevent;
            try {
                uevent = SysfsAttributes.read(device.resolve("uevent"));
            } catch (IOException e) {
                if (noData(e)) {
                    continue;
                }
                throw e;
            }
            if (!uevent.contains(AMDGPU_DRIVER)) {
                continue;
            }
            // procfs resolves the device link (for names the collector does not publish) and fails the whole
            // read when it cannot, so a card whose link is broken fails here too.
            device.toRealPath();
            cards.add(new AmdgpuCard(name,
                    number(device, "gpu_busy_percent"),
                    number(device, "mem_info_gtt_total"),
                    number(device, "mem_info_gtt_used"),
                    number(device, "mem_info_vis_vram_total"),
                    number(device, "mem_info_vis_vram_used"),
                    number(device, "mem_info_vram_total"),
                    number(device, "mem_info_vram_used"),
                    text(device, "mem_info_vram_vendor"),
                    text(device, "power_dpm_force_performance_level"),
                    text(device, "unique_id")));
        }
        return List.copyOf(cards);
    }

    /** Any read error leaves the value 0, as procfs ignores it. */
    private static long number(Path device, String attribute) throws ParseException {
        String s = SysfsAttributes.readOrNull(device.resolve(attribute));
        if (s == null) {
            return 0;
        }
        try {
            return GoStrconv.parseUint(s, 0, 64);
        } catch (NumberFormatException e) {
            throw new ParseException(device.resolve(attribute) + ": not an unsigned integer: \"" + s + "\"");
        }
    }

    private static String text(Path device, String attribute) {
        String s = SysfsAttributes.readOrNull(device.resolve(attribute));
        return s == null ? "" : s;
    }

    /** ENODATA on uevent makes procfs skip the card instead of failing. */
    private static boolean noData(IOException e) {
        String m = e.getMessage();
        return m != null && m.contains("No data available");
    }
}
