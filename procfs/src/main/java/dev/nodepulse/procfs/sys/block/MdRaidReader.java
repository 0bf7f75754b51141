package dev.nodepulse.procfs.sys.block;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.GoStrconv;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.io.SysfsAttributes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * /sys/block/md*&#47;md/: level, array_state, metadata_version, uuid and each dev-*&#47;state are required;
 * raid_disks for every level but containers (imsm, ddf) and an empty level; chunk_size for striped levels;
 * degraded, sync_action and sync_completed for redundant levels. Raid_disks may read "11 (10)" during a
 * reshape, of which the current count is taken.
 */
public final class MdRaidReader {

    private static final Pattern SYNC_COMPLETED = Pattern.compile("^\\s*(\\d+)\\s*/\\s*(\\d+)");

    private MdRaidReader() {}

    /** @param block the sysfs directory block */
    public static List<MdRaid> read(Path block) throws IOException {
        List<MdRaid> out = new ArrayList<>();
        for (String device : SmallFiles.list(block)) {
            Path md = block.resolve(device).resolve("md");
            if (!device.startsWith("md") || !Files.exists(md)) {
                continue;
            }
            String level = SysfsAttributes.read(md.resolve("level"));
            String arrayState = SysfsAttributes.read(md.resolve("array_state"));
            String metadata = SysfsAttributes.read(md.resolve("metadata_version"));
            Long disks = null;
            if (!level.isEmpty() && !level.equals("container") && !level.equals("imsm") && !level.equals("ddf")) {
                disks = raidDisks(SmallFiles.read(md.resolve("raid_disks")).strip());
            }
            String uuid = SysfsAttributes.read(md.resolve("uuid"));
            for (String member : SmallFiles.list(md)) {
                if (member.startsWith("dev-")) {
                    SysfsAttributes.read(md.resolve(member).resolve("state"));
                }
            }
            long chunk = 0;
            if (level.matches("raid(0|4|5|6|10)")) {
                chunk = SysfsAttributes.readUnsigned(md.resolve("chunk_size"));
            }
            long degraded = 0;
            String syncAction = "";
            double syncCompleted = 0;
            if (level.matches("raid(1|4|5|6|10)")) {
                degraded = SysfsAttributes.readUnsigned(md.resolve("degraded"));
                syncAction = SysfsAttributes.read(md.resolve("sync_action"));
                String completed = SysfsAttributes.read(md.resolve("sync_completed"));
                if (!completed.equals("none")) {
                    Matcher m = SYNC_COMPLETED.matcher(completed);
                    if (!m.find()) {
                        throw new ParseException(md.resolve("sync_completed") + ": expected \"a / b\", got \"" + completed + "\"");
                    }
                    syncCompleted = Double.parseDouble(m.group(1)) / Double.parseDouble(m.group(2));
                }
            }
            out.add(new MdRaid(device, level, arrayState, metadata, uuid, disks, degraded, chunk, syncAction,
                    syncCompleted));
        }
        return List.copyOf(out);
    }

    /** "4", or "11 (10)" during a reshape (the current count first); null when neither. */
    public static Long raidDisks(String content) {
        if (content.isEmpty()) {
            return null;
        }
        try {
            return GoStrconv.parseUint(content, 10, 64);
        } catch (NumberFormatException e) {
            int sp = content.indexOf(' ');
            if (sp > 0) {
                try {
                    return GoStrconv.parseUint(content.substring(0, sp), 10, 64);
                } catch (NumberFormatException e2) {
                    return null;
                }
            }
            return null;
        }
    }
}
