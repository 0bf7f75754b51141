package dev.nodepulse.cgroups.discovery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks one cgroup hierarchy for the cgroups the kubelet exports as rows: the root, everything under the
 * node-allocatable root ({@code <cgroup-root>/kubepods[.slice]}), and the extra raw cgroups configured (the
 * kubelet's own, the runtime's: {@code --kubelet-cgroups}, {@code --runtime-cgroups}, {@code --system-cgroups}),
 * with their descendants. Directories that vanish during the walk are skipped.
 */
public final class CgroupDiscovery {

    private final Path hierarchy;
    private final String cgroupRoot;
    private final List<String> extraRoots;

    /**
     * @param hierarchy  the directory of the hierarchy's root cgroup
     * @param cgroupRoot the kubelet's --cgroup-root ("/" by default)
     * @param extraRoots further cgroups exported with their subtrees, as ids ("/system.slice/kubelet.service")
     */
    public CgroupDiscovery(Path hierarchy, String cgroupRoot, List<String> extraRoots) {
        this.hierarchy = hierarchy;
        this.cgroupRoot = normalize(cgroupRoot);
        this.extraRoots = extraRoots.stream().map(CgroupDiscovery::normalize).toList();
    }

    static String normalize(String id) {
        String s = id.strip();
        if (s.isEmpty() || s.equals("/")) {
            return "/";
        }
        if (!s.startsWith("/")) {
            s = "/" + s;
        }
        while (s.length() > 1 && s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    public List<DiscoveredCgroup> discover() throws IOException {
        List<DiscoveredCgroup> out = new ArrayList<>(256);
        out.add(new DiscoveredCgroup("/", CgroupKind.ROOT, null, null, null, null));
        for (String name : List.of("kubepods", "kubepods.slice")) {
            String id = child(cgroupRoot, name);
            if (Files.isDirectory(dir(id))) {
                out.add(new DiscoveredCgroup(id, CgroupKind.KUBEPODS, null, null, null, null));
                walkKubepods(id, out);
            }
        }
        for (String extra : extraRoots) {
            if (!extra.equals("/") && Files.isDirectory(dir(extra)) && !covered(extra, out)) {
                out.add(new DiscoveredCgroup(extra, CgroupKind.RAW, null, null, null, null));
                walkRaw(extra, 0, out);
            }
        }
        return out;
    }

    private static boolean covered(String id, List<DiscoveredCgroup> found) {
        for (DiscoveredCgroup d : found) {
            if (d.id().equals(id)) {
                return true;
            }
        }
        return false;
    }

    private void walkKubepods(String kubepods, List<DiscoveredCgroup> out) throws IOException {
        for (Child q : children(kubepods)) {
            String id = child(kubepods, q.name());
            QosClass qos = CgroupNaming.qosOf(q.name());
            if (qos != null) {
                out.add(new DiscoveredCgroup(id, CgroupKind.KUBEPODS, qos, null, null, null));
                for (Child pod : children(id)) {
                    pod(child(id, pod.name()), pod, qos, out);
                }
            } else {
                pod(id, q, QosClass.GUARANTEED, out);
            }
        }
    }

    private void pod(String id, Child dir, QosClass qos, List<DiscoveredCgroup> out) throws IOException {
        String uid = CgroupNaming.podUid(dir.name());
        if (uid == null) {
            out.add(new DiscoveredCgroup(id, CgroupKind.RAW, null, null, null, null));
            walkRaw(id, dir.nlink(), out);
            return;
        }
        out.add(new DiscoveredCgroup(id, CgroupKind.POD, qos, uid, null, null));
        for (Child c : children(id)) {
            String cid = child(id, c.name());
            CgroupNaming.ContainerName cn = CgroupNaming.container(c.name());
            if (cn == null) {
                out.add(new DiscoveredCgroup(cid, CgroupKind.RAW, null, null, null, null));
            } else {
                out.add(new DiscoveredCgroup(cid, CgroupKind.CONTAINER, qos, uid, cn.id(), cn.hint()));
            }
            walkRaw(cid, c.nlink(), out);
        }
    }

    /** @param nlink the directory's link count when known, else 0 */
    private void walkRaw(String id, int nlink, List<DiscoveredCgroup> out) throws IOException {
        if (nlink == 2) {
            // A directory's link count is 2 plus its subdirectories on cgroupfs (kernfs), ext4, xfs and tmpfs: a
            // leaf (every container cgroup in practice) needs no listing. Filesystems that report 1 are listed.
            return;
        }
        for (Child c : children(id)) {
            String cid = child(id, c.name());
            out.add(new DiscoveredCgroup(cid, CgroupKind.RAW, null, null, null, null));
            walkRaw(cid, c.nlink(), out);
        }
    }

    private Path dir(String id) {
        return id.equals("/") ? hierarchy : hierarchy.resolve(id.substring(1));
    }

    private static String child(String parent, String name) {
        return parent.equals("/") ? "/" + name : parent + "/" + name;
    }

    private static final String[] CONTROL_PREFIXES = {"cgroup.", "cpu.", "cpuacct.", "cpuset.", "memory.", "blkio.",
        "io.", "pids.", "hugetlb.", "rdma.", "misc.", "devices.", "freezer.", "net_cls.", "net_prio.", "perf_event."};

    static boolean isControlFile(String name) {
        if (name.equals("tasks") || name.equals("notify_on_release") || name.equals("release_agent")) {
            return true;
        }
        for (String p : CONTROL_PREFIXES) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** A sub-directory and its link count (0 when the filesystem does not say). */
    private record Child(String name, int nlink) {}

    /** Sub-directories, sorted by name; a directory removed meanwhile has none. */
    private List<Child> children(String id) {
        // java.io.File.list gives bare names from readdir; DirectoryStream would build a Path per control file.
        Path parent = dir(id);
        String[] names = parent.toFile().list();
        if (names == null) {
            return List.of();
        }
        java.util.Arrays.sort(names);
        List<Child> out = new ArrayList<>();
        for (String name : names) {
            // Skip the controllers' files by name: a stat per file would cost more than the row's reads.
            if (!isControlFile(name)) {
                int nlink = directoryLinks(parent.resolve(name));
                if (nlink >= 0) {
                    out.add(new Child(name, nlink));
                }
            }
        }
        return out;
    }

    /** The link count of a directory (0 when unknown), or -1 when {@code p} is not a directory (or is gone). */
    private static int directoryLinks(Path p) {
        try {
            java.util.Map<String, Object> a = Files.readAttributes(p, "unix:mode,nlink");
            if ((((Integer) a.get("mode")) & S_IFMT) != S_IFDIR) {
                return -1;
            }
            return (Integer) a.get("nlink");
        } catch (IOException gone) {
            return -1;
        } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
            return Files.isDirectory(p) ? 0 : -1;
        }
    }

    private static final int S_IFMT = 0170000;
    private static final int S_IFDIR = 0040000;
}
