package dev.nodepulse.procfs.sys.bonding;

import dev.nodepulse.procfs.io.SmallFiles;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * /sys/class/net/bonding_masters, each master's bonding/slaves, and each slave's
 * lower_&lt;slave&gt;/bonding_slave/mii_status (slave_&lt;slave&gt;/ on older kernels). Any missing file
 * fails the read, as in node_exporter.
 */
public final class BondingReader {

    private BondingReader() {}

    /** @param classNet the sysfs directory class/net */
    public static List<BondingMaster> read(Path classNet) throws IOException {
        List<BondingMaster> out = new ArrayList<>();
        for (String master : words(SmallFiles.read(classNet.resolve("bonding_masters")))) {
            int slaves = 0;
            int up = 0;
            for (String slave : words(SmallFiles.read(classNet.resolve(master).resolve("bonding").resolve("slaves")))) {
                String state;
                try {
                    state = SmallFiles.read(classNet.resolve(master).resolve("lower_" + slave)
                            .resolve("bonding_slave").resolve("mii_status"));
                } catch (NoSuchFileException e) {
                    state = SmallFiles.read(classNet.resolve(master).resolve("slave_" + slave)
                            .resolve("bonding_slave").resolve("mii_status"));
                }
                slaves++;
                if (state.strip().equals("up")) {
                    up++;
                }
            }
            out.add(new BondingMaster(master, slaves, up));
        }
        return List.copyOf(out);
    }

    private static String[] words(String text) {
        String s = text.strip();
        return s.isEmpty() ? new String[0] : s.split("\\s+");
    }
}
