package dev.nodepulse.procfs.sys.block;

import java.util.List;

/**
 * A device-mapper multipath map (/sys/block/dm-N with a dm/uuid starting "mpath-"): its map name, the
 * dm-N name, whether it is suspended, its size, and the underlying path devices (slaves/) with the state
 * of each (/sys/block/&lt;path&gt;/device/state: "running", "offline", "live", ...).
 */
public record MultipathDevice(String name, String sysfsName, String uuid, boolean suspended, long sizeBytes,
                              List<Path> paths) {

    public record Path(String device, String state) {}
}
