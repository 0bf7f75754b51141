package dev.nodepulse.agent.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A kubepods-like cgroup tree this test owns, {@code /np-<tag>-<random>/kubepods/burstable/pod<uid>/<id>} in each
 * given hierarchy (read through the agent's --cgroup-root), with a containerd bundle naming the container under a
 * temporary --path.rootfs, and a CPU-burning process the test started moved into it. Only that process is moved and
 * only these directories are written; {@link #close()} ends the process and removes every directory it created.
 * Creating or moving skips the test (JUnit assumption) where the host does not permit it.
 */
final class OwnKubepodsTree implements AutoCloseable {

    static final String POD = "live-pod";
    static final String NAMESPACE = "live-ns";
    static final String CONTAINER = "burner";
    static final String IMAGE = "example.invalid/burner:1";

    private final List<Path> hierarchies;
    private final List<Path> created = new ArrayList<>();
    private final String top;
    private final String uid;
    private final String cid;
    private final String rel;
    private Process burner;

    private OwnKubepodsTree(List<Path> hierarchies, String tag) {
        this.hierarchies = hierarchies;
        this.top = "np-" + tag + "-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
        this.uid = UUID.randomUUID().toString();
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        this.cid = HexFormat.of().formatHex(raw);
        this.rel = top + "/kubepods/burstable/pod" + uid + "/" + cid;
    }

    /** Creates the directories in every hierarchy and the bundle under {@code rootfs}; skips when not permitted. */
    static OwnKubepodsTree create(List<Path> hierarchies, Path rootfs, String tag) throws IOException {
        OwnKubepodsTree t = new OwnKubepodsTree(hierarchies, tag);
        for (Path h : hierarchies) {
            try {
                t.mkdirs(h);
            } catch (IOException e) {
                t.close();
                assumeTrue(false, "cannot create cgroups under " + h + " (" + e + "): live test skipped");
            }
        }
        t.writeBundle(rootfs);
        return t;
    }

    /** The --cgroup-root value that makes the agent read this tree's kubepods. */
    String cgroupRoot() {
        return "/" + top;
    }

    /** The container cgroup's id (the kubelet's {@code id} label). */
    String containerId() {
        return "/" + rel;
    }

    String podId() {
        return "/" + top + "/kubepods/burstable/pod" + uid;
    }

    String cid() {
        return cid;
    }

    String uid() {
        return uid;
    }

    /** A file of the container cgroup in hierarchy {@code h}. */
    Path containerFile(Path h, String name) {
        return h.resolve(rel).resolve(name);
    }

    /** Starts {@code sh -c 'while :; do :; done'} and moves it into the container cgroup of every hierarchy. */
    long startBurner() throws IOException {
        burner = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
        long pid = burner.pid();
        for (Path h : hierarchies) {
            try {
                Files.writeString(h.resolve(rel).resolve("cgroup.procs"), pid + "\n");
            } catch (IOException e) {
                close();
                assumeTrue(false, "cannot move a process into " + h.resolve(rel) + " (" + e + "): skipped");
            }
        }
        return pid;
    }

    /** utime + stime of {@code pid} from /proc/<pid>/stat, in seconds (USER_HZ is 100). */
    static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    }

    @Override
    public void close() {
        if (burner != null) {
            burner.destroyForcibly();
            try {
                burner.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            burner = null;
        }
        // Children before parents; a cgroup whose last process just exited may need a moment.
        for (int i = created.size() - 1; i >= 0; i--) {
            rmdir(created.get(i));
        }
        created.clear();
    }

    private void mkdirs(Path h) throws IOException {
        Path p = h;
        for (String part : rel.split("/")) {
            p = p.resolve(part);
            if (!Files.isDirectory(p)) {
                Files.createDirectory(p);
                created.add(p);
            }
        }
    }

    private static void rmdir(Path p) {
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                Files.deleteIfExists(p);
                return;
            } catch (IOException busy) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new IllegalStateException("could not remove test cgroup " + p);
    }

    private void writeBundle(Path rootfs) throws IOException {
        Path dir = rootfs.resolve("run/containerd/io.containerd.runtime.v2.task/k8s.io").resolve(cid);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config.json"), "{\"ociVersion\":\"1.1.0\",\"process\":{\"args\":[\"sh\"]},"
                + "\"annotations\":{\"io.kubernetes.cri.container-type\":\"container\","
                + "\"io.kubernetes.cri.container-name\":\"" + CONTAINER + "\","
                + "\"io.kubernetes.cri.image-name\":\"" + IMAGE + "\","
                + "\"io.kubernetes.cri.sandbox-id\":\"" + "0".repeat(64) + "\","
                + "\"io.kubernetes.cri.sandbox-name\":\"" + POD + "\","
                + "\"io.kubernetes.cri.sandbox-namespace\":\"" + NAMESPACE + "\","
                + "\"io.kubernetes.cri.sandbox-uid\":\"" + uid + "\"}}");
    }
}
