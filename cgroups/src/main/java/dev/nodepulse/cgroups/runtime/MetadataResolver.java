package dev.nodepulse.cgroups.runtime;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.SmallFiles;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * Finds a container's identity in the runtime's state on the host's disk, from the container ID found in
 * its cgroup name. What a container ID resolves to never changes, so answers are cached; IDs the runtime
 * has no record of are asked again at most once per {@link #retain} cycle (a container may be seen in its
 * cgroup a moment before its bundle is written). A file that cannot be parsed makes the container unknown,
 * never an error for the walk; it is counted and told to the listener once per container.
 */
public final class MetadataResolver {

    private static final ContainerMetadata UNKNOWN = new ContainerMetadata("", RuntimeKind.CONTAINERD, false, "", "",
            "", "", "", "", 0);

    private final Path rootfs;
    private final RuntimeStateDirs dirs;
    private final Map<String, ContainerMetadata> known = new ConcurrentHashMap<>();
    /** Containers whose state could not be parsed, kept while they live so each is counted and told once. */
    private final Set<String> malformed = ConcurrentHashMap.newKeySet();
    private final AtomicLong malformedTotal = new AtomicLong();
    private final BiConsumer<String, String> onMalformed;

    public MetadataResolver(Path rootfs, RuntimeStateDirs dirs) {
        this(rootfs, dirs, (id, why) -> { });
    }

    /** @param onMalformed told (container id, reason) the first time a container's state cannot be parsed */
    public MetadataResolver(Path rootfs, RuntimeStateDirs dirs, BiConsumer<String, String> onMalformed) {
        this.rootfs = rootfs;
        this.dirs = dirs;
        this.onMalformed = onMalformed;
    }

    /** Containers whose runtime state could not be parsed, since start (each counted once). */
    public long malformedTotal() {
        return malformedTotal.get();
    }

    /**
     * The metadata of container {@code id}, or null when no runtime knows it.
     *
     * @param hint the runtime the cgroup name points at, or null when the name is a bare ID (cgroupfs driver)
     */
    public ContainerMetadata resolve(String id, RuntimeKind hint) {
        ContainerMetadata m = known.get(id);
        if (m == null) {
            m = lookup(id, hint);
            known.put(id, m == null ? UNKNOWN : m);
        }
        return m == UNKNOWN ? null : m;
    }

    /** Forgets IDs not in {@code live} and the misses, so they are looked up again on the next walk. */
    public void retain(Collection<String> live) {
        Set<String> keep = new HashSet<>(live);
        known.entrySet().removeIf(e -> !keep.contains(e.getKey()) || e.getValue() == UNKNOWN);
        malformed.retainAll(keep);
    }

    public int cached() {
        return known.size();
    }

    private ContainerMetadata lookup(String id, RuntimeKind hint) {
        if (hint == null || hint == RuntimeKind.CONTAINERD) {
            for (String d : dirs.containerd()) {
                ContainerMetadata m = read(RuntimeStateDirs.under(rootfs, d).resolve(id).resolve("config.json"), id,
                        RuntimeKind.CONTAINERD);
                if (m != null) {
                    return m;
                }
            }
        }
        if (hint == null || hint == RuntimeKind.CRIO) {
            for (String d : dirs.crio()) {
                ContainerMetadata m = read(RuntimeStateDirs.under(rootfs, d).resolve(id).resolve("userdata")
                        .resolve("config.json"), id, RuntimeKind.CRIO);
                if (m != null) {
                    return m;
                }
            }
        }
        if (hint == null || hint == RuntimeKind.DOCKER) {
            for (String d : dirs.docker()) {
                ContainerMetadata m = read(RuntimeStateDirs.under(rootfs, d).resolve(id).resolve("config.v2.json"), id,
                        RuntimeKind.DOCKER);
                if (m != null) {
                    return m;
                }
            }
        }
        return null;
    }

    private ContainerMetadata read(Path file, String id, RuntimeKind kind) {
        String text;
        try {
            text = SmallFiles.read(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
        try {
            return switch (kind) {
                case CONTAINERD -> ContainerdBundleParser.parse(id, text);
                case CRIO -> CrioConfigParser.parse(id, text);
                case DOCKER -> DockerConfigParser.parse(id, text);
            };
        } catch (ParseException | RuntimeException e) {
            if (malformed.add(id)) {
                malformedTotal.incrementAndGet();
                onMalformed.accept(id, file + ": " + e.getMessage());
            }
            return null;
        }
    }
}
