package dev.nodepulse.kubelet.auth;

import dev.nodepulse.log.Log;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The class loader that sees the Kubernetes client (client-java, OkHttp, Kotlin, Gson, BouncyCastle...) and
 * {@code dev.nodepulse.kubelet.auth.kube}. Where they are on the class path (the aggregator, tests) that is the
 * class path's loader. The agent's jar instead carries them as one nested jar under {@code META-INF/kube-lib/}:
 * every entry of a jar the JVM opens costs memory (the Kubernetes client's 19,500 about 4.3 MiB of RSS), so the
 * agent pays for them only when kube auth asks for them. Then the nested jar is copied once
 * into a private directory under {@code java.io.tmpdir}, checked against the SHA-256 the build recorded, and
 * opened by a child class loader; parent-first delegation gives the classes there this module's
 * {@link KubeReviews} and friends, so they meet the agent's code as the same types. The copy is deleted when
 * the JVM exits; what a killed process leaves is deleted by the next start, before it copies.
 */
public final class KubeLibrary {

    static final String RESOURCE_DIR = "META-INF/kube-lib/";
    static final String INDEX = RESOURCE_DIR + "INDEX";
    static final String DIR_PREFIX = "nodepulse-kube-lib-";
    private static final String PROBE = "io/kubernetes/client/openapi/ApiClient.class";
    /** For a directory without a lock file: far longer than a start takes from creating it to locking it. */
    private static final Duration LOCKLESS_STALE_AFTER = Duration.ofMinutes(1);
    private static final Log LOG = Log.get(KubeLibrary.class);

    private static ClassLoader loader;

    private KubeLibrary() {}

    /** The loader for the Kubernetes client's classes, unpacking them the first time if this jar carries them nested. */
    public static synchronized ClassLoader classLoader() throws IOException {
        if (loader == null) {
            ClassLoader parent = KubeLibrary.class.getClassLoader();
            if (parent.getResource(PROBE) != null) {
                loader = parent;
            } else {
                Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
                NestedJars.Unpacked u;
                try {
                    u = unpack(parent, tmp);
                } catch (IOException e) {
                    throw new IOException("cannot unpack the Kubernetes client into java.io.tmpdir (" + tmp + "), "
                            + "which kube auth needs writable: " + e, e);
                }
                Runtime.getRuntime().addShutdownHook(new Thread(u::delete, "kube-lib-cleanup"));
                loader = open(u, parent);
            }
        }
        return loader;
    }

    /** Unpacks the nested jars {@code parent} carries into a new directory under {@code tmp}, then sweeps stale ones. */
    static NestedJars.Unpacked unpack(ClassLoader parent, Path tmp) throws IOException {
        List<NestedJars.Entry> entries;
        try (InputStream index = parent.getResourceAsStream(INDEX)) {
            if (index == null) {
                throw new IOException("this build has no Kubernetes client: client-java is not on the class path and "
                        + INDEX + " is missing");
            }
            entries = NestedJars.readIndex(index);
        }
        long start = System.nanoTime();
        NestedJars.Unpacked u = NestedJars.unpack(parent, RESOURCE_DIR, entries, tmp, DIR_PREFIX, LOCKLESS_STALE_AFTER);
        LOG.info("Unpacked the Kubernetes client", "dir", u.dir(), "jars", u.jars().size(),
                "duration_ms", (System.nanoTime() - start) / 1_000_000, "stale_dirs_deleted", u.swept());
        return u;
    }

    static URLClassLoader open(NestedJars.Unpacked u, ClassLoader parent) throws IOException {
        URL[] urls = new URL[u.jars().size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = u.jars().get(i).toUri().toURL();
        }
        return new URLClassLoader("kube-lib", urls, parent);
    }
}
