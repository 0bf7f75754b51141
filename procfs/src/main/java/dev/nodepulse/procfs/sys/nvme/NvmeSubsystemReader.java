package dev.nodepulse.procfs.sys.nvme;

import dev.nodepulse.procfs.io.SysfsAttributes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * /sys/class/nvme-subsystem/nvme-subsys*, as procfs' NVMeSubsystemClass reads it: subsysnqn, model, serial
 * and iopolicy are required, and so are state, transport and address of every controller entry (named
 * nvme&lt;C&gt;); entries named nvme&lt;C&gt;n&lt;N&gt; are its namespaces. Any failure fails the whole read, with
 * the I/O exception of the file at fault (NoSuchFileException and AccessDeniedException included).
 */
public final class NvmeSubsystemReader {

    private static final Pattern CONTROLLER = Pattern.compile("nvme\\d+");
    private static final Pattern NAMESPACE = Pattern.compile("nvme\\d+n\\d+");

    private NvmeSubsystemReader() {}

    /** @param classDir the sysfs directory class/nvme-subsystem; missing: NoSuchFileException */
    public static List<NvmeSubsystem> read(Path classDir) throws IOException {
        List<NvmeSubsystem> out = new ArrayList<>();
        for (String name : SysfsAttributes.list(classDir)) {
            if (name.startsWith("nvme-subsys")) {
                out.add(readOne(name, classDir.resolve(name)));
            }
        }
        return List.copyOf(out);
    }

    private static NvmeSubsystem readOne(String name, Path dir) throws IOException {
        String nqn = SysfsAttributes.read(dir.resolve("subsysnqn"));
        String model = SysfsAttributes.read(dir.resolve("model"));
        String serial = SysfsAttributes.read(dir.resolve("serial"));
        String ioPolicy = SysfsAttributes.read(dir.resolve("iopolicy"));
        List<NvmeSubsystem.Controller> controllers = new ArrayList<>();
        List<String> namespaces = new ArrayList<>();
        for (String entry : SysfsAttributes.list(dir)) {
            if (CONTROLLER.matcher(entry).matches()) {
                Path c = dir.resolve(entry);
                controllers.add(new NvmeSubsystem.Controller(entry, SysfsAttributes.read(c.resolve("state")),
                        SysfsAttributes.read(c.resolve("transport")), SysfsAttributes.read(c.resolve("address"))));
            } else if (NAMESPACE.matcher(entry).matches()) {
                namespaces.add(entry);
            }
        }
        return new NvmeSubsystem(name, nqn, model, serial, ioPolicy, List.copyOf(controllers), List.copyOf(namespaces));
    }
}
