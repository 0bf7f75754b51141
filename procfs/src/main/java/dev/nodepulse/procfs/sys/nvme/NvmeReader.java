package dev.nodepulse.procfs.sys.nvme;

import dev.nodepulse.procfs.io.GoStrconv;
import dev.nodepulse.procfs.io.SysfsAttributes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * /sys/class/nvme/*: firmware_rev, model, serial, state and cntlid are required; namespaces are the
 * entries named like nvme&lt;C&gt;n&lt;N&gt;, whose nuse, size and queue/logical_block_size are required (an
 * unparsable number counts as 0) and ana_state optional.
 */
public final class NvmeReader {

    private static final Pattern NAMESPACE = Pattern.compile("nvme\\d+n(\\d+)");

    private NvmeReader() {}

    /** @param classDir the sysfs directory class/nvme; missing: NoSuchFileException */
    public static List<NvmeController> read(Path classDir) throws IOException {
        List<NvmeController> out = new ArrayList<>();
        for (String name : SysfsAttributes.list(classDir)) {
            Path d = classDir.resolve(name);
            String fw = SysfsAttributes.read(d.resolve("firmware_rev"));
            String model = SysfsAttributes.read(d.resolve("model"));
            String serial = SysfsAttributes.read(d.resolve("serial"));
            String state = SysfsAttributes.read(d.resolve("state"));
            String cntlid = SysfsAttributes.read(d.resolve("cntlid"));
            List<NvmeController.Namespace> namespaces = new ArrayList<>();
            for (String entry : SysfsAttributes.list(d)) {
                Matcher m = NAMESPACE.matcher(entry);
                if (!m.find()) {
                    continue;
                }
                Path ns = d.resolve(entry);
                long used = number(SysfsAttributes.read(ns.resolve("nuse")));
                long size = number(SysfsAttributes.read(ns.resolve("size")));
                long block = number(SysfsAttributes.read(ns.resolve("queue").resolve("logical_block_size")));
                String ana;
                try {
                    ana = SysfsAttributes.read(ns.resolve("ana_state"));
                } catch (IOException e) {
                    ana = "unknown";
                }
                namespaces.add(new NvmeController.Namespace(m.group(1), ana, used * block, size * block,
                        size * block, block));
            }
            out.add(new NvmeController(name, fw, model, serial, state, cntlid, List.copyOf(namespaces)));
        }
        return List.copyOf(out);
    }

    private static long number(String s) {
        try {
            return GoStrconv.parseUint(s, 10, 64);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
