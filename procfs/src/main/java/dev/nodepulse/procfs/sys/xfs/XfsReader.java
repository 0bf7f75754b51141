package dev.nodepulse.procfs.sys.xfs;

import dev.nodepulse.procfs.io.SmallFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** /sys/fs/xfs/&lt;device&gt;/stats/stats for every mounted XFS device (none: an empty list). */
public final class XfsReader {

    private XfsReader() {}

    /** @param xfsDir the sysfs directory fs/xfs */
    public static List<XfsStats> read(Path xfsDir) throws IOException {
        List<XfsStats> out = new ArrayList<>();
        for (String device : SmallFiles.list(xfsDir)) {
            Path file = xfsDir.resolve(device).resolve("stats").resolve("stats");
            if (!Files.exists(file)) {
                continue;
            }
            out.add(XfsStatsParser.parse(device, SmallFiles.read(file), file.toString()));
        }
        return List.copyOf(out);
    }
}
