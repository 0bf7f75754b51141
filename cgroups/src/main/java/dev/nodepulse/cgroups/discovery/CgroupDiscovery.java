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
                walkRaw(extra, out);
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
        for (String name : children(kubepods)) {
            String id = child(kubepods, name);
            QosClass qos = CgroupNaming.qosOf(name);
            if (qos != null) {
                out.add(new DiscoveredCgroup(id, CgroupKind.KUBEPODS, qos, null, null, null));
                for (String podName : children(id)) {
                    pod(child(id, podName), podName, qos, out);
                }
            } else {
                pod(id, name, QosClass.GUARANTEED, out);
            }
        }
    }

    private void pod(String id, String name, QosClass qos, List<DiscoveredCgroup> out) throws IOException {
        String uid = CgroupNaming.podUid(name);
        if (uid == null) {
            out.add(new DiscoveredCgroup(id, CgroupKind.RAW, null, null, null, null));
            walkRaw(id, out);
            return;
        }
        out.add(new DiscoveredCgroup(id, CgroupKind.POD, qos, uid, null, null));
        for (String c : children(id)) {
            String cid = child(id, c);
            CgroupNaming.ContainerName cn = CgroupNaming.container(c);
            if (cn == null) {
                out.add(new DiscoveredCgroup(cid, CgroupKind.RAW, null, null, null, null));
            } else {
                out.add(new DiscoveredCgroup(cid, CgroupKind.CONTAINER, qos, uid, cn.id(), cn.hint()));
            }
            walkRaw(cid, out);
        }
    }

    private void walkRaw(String id, List<DiscoveredCgroup> out) throws IOException {
        for (String name : children(id)) {
            String c = child(id, name);
            out.add(new DiscoveredCgroup(c, CgroupKind.RAW, null, null, null, null));
            walkRaw(c, out);
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

    /** Sub-directory names; a directory removed meanwhile has none. */
    private List<String> children(String id) {
        // java.io.File.list gives bare names from readdir; DirectoryStream would build a Path per control file.
        java.io.File dir = dir(id).toFile();
        String[] names = dir.list();
        List<String> out = new ArrayList<>();
        if (names == null) {
            return out;
        }
        for (String name : names) {
            // Skip the controllers' files by name: a stat per file would cost more than the row's reads.
            if (!isControlFile(name) && new java.io.File(dir, name).isDirectory()) {
                out.add(name);
            }
        }
        out.sort(null);
        return out;
    }

}
