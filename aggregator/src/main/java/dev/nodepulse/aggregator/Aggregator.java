package dev.nodepulse.aggregator;

import com.sun.net.httpserver.HttpsServer;
import dev.nodepulse.aggregator.api.MetricsApi;
import dev.nodepulse.aggregator.cluster.ClientJavaKubeApi;
import dev.nodepulse.aggregator.cluster.ClusterView;
import dev.nodepulse.aggregator.cluster.InformerClusterView;
import dev.nodepulse.aggregator.cluster.InformerTargets;
import dev.nodepulse.aggregator.cluster.KubeApi;
import dev.nodepulse.aggregator.cluster.LabelSelector;
import dev.nodepulse.aggregator.cluster.StaticClusterView;
import dev.nodepulse.aggregator.scraper.AgentTls;
import dev.nodepulse.aggregator.scraper.HttpAgentClient;
import dev.nodepulse.aggregator.scraper.PushedNodes;
import dev.nodepulse.aggregator.scraper.Scraper;
import dev.nodepulse.aggregator.scraper.StaticTargets;
import dev.nodepulse.aggregator.scraper.TargetSource;
import dev.nodepulse.aggregator.server.ApiServer;
import dev.nodepulse.aggregator.server.DelegatedAuthentication;
import dev.nodepulse.aggregator.server.DelegatedAuthorization;
import dev.nodepulse.aggregator.server.Health;
import dev.nodepulse.aggregator.server.NodeIdentity;
import dev.nodepulse.aggregator.server.OpenApi;
import dev.nodepulse.aggregator.server.PushHandler;
import dev.nodepulse.aggregator.server.SelfMetrics;
import dev.nodepulse.aggregator.server.ServingCertificate;
import dev.nodepulse.aggregator.server.TrustSources;
import dev.nodepulse.aggregator.storage.TwoPointStorage;
import dev.nodepulse.cli.FlagValues;
import dev.nodepulse.kubelet.auth.AccessReviewer;
import dev.nodepulse.kubelet.auth.CachingAccessReviewer;
import dev.nodepulse.kubelet.auth.CachingKubeReviews;
import dev.nodepulse.kubelet.auth.KubeClientOptions;
import dev.nodepulse.kubelet.auth.KubeReviews;
import dev.nodepulse.kubelet.auth.kube.ClientJavaAccessReviewer;
import dev.nodepulse.kubelet.auth.kube.ClientJavaReviews;
import dev.nodepulse.kubelet.auth.kube.KubeClients;
import dev.nodepulse.kubelet.tls.PemFiles;
import dev.nodepulse.kubelet.tls.ServingTls;
import dev.nodepulse.log.Log;
import io.kubernetes.client.openapi.ApiClient;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running aggregator: wires scraper → storage → API behind delegated auth on one HTTPS port, and runs the
 * scrape loop (one tick at start, then every resolution, after the informers have synced).
 */
public final class Aggregator implements AutoCloseable {

    public static final String VERSION = versionOf();
    private static final Log LOG = Log.get(Aggregator.class);
    private static final Path SA_TOKEN = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token");
    private static final int HTTP_THREADS = 4;

    private final HttpsServer server;
    private final ThreadPoolExecutor httpExecutor;
    private final ScheduledExecutorService background;
    private final java.util.concurrent.ExecutorService clientExecutor;
    private final AutoCloseable informers;
    private final Thread scrapeLoop;
    private volatile boolean closed;

    private Aggregator(HttpsServer server, ThreadPoolExecutor httpExecutor, ScheduledExecutorService background,
            java.util.concurrent.ExecutorService clientExecutor, AutoCloseable informers, Thread scrapeLoop) {
        this.server = server;
        this.httpExecutor = httpExecutor;
        this.background = background;
        this.clientExecutor = clientExecutor;
        this.informers = informers;
        this.scrapeLoop = scrapeLoop;
    }

    public static Aggregator start(FlagValues f) throws Exception {
        Duration resolution = f.duration("metric-resolution");
        Duration requestTimeout = f.duration("kubelet-request-timeout");
        if (resolution.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("metric-resolution should be a time duration at least 1s (10s in production)");
        }
        if (resolution.compareTo(Duration.ofSeconds(10)) < 0) {
            LOG.warn("metric-resolution below 10s: metrics-server refuses this; meant for tests", "resolution", resolution);
        }
        if (requestTimeout.isZero() || requestTimeout.isNegative()) {
            throw new IllegalArgumentException("kubelet-request-timeout should be positive");
        }
        if (resolution.multipliedBy(9).dividedBy(10).compareTo(requestTimeout) < 0) {
            throw new IllegalArgumentException("metric-resolution should be larger than kubelet-request-timeout, but "
                    + "metric-resolution value " + resolution + " kubelet-request-timeout value " + requestTimeout + " provided");
        }
        boolean insecureTls = f.bool("kubelet-insecure-tls");
        Path kubeletCa = path(f, "kubelet-certificate-authority");
        if (insecureTls && kubeletCa != null) {
            throw new IllegalArgumentException("cannot use both --kubelet-certificate-authority and --kubelet-insecure-tls");
        }
        Path clientCert = path(f, "kubelet-client-certificate");
        Path clientKey = path(f, "kubelet-client-key");
        if ((clientCert == null) != (clientKey == null)) {
            throw new IllegalArgumentException("need both --kubelet-client-key and --kubelet-client-certificate");
        }
        String mode = f.string("authorization-mode");
        if (!mode.equals("Webhook") && !mode.equals("AlwaysAllow")) {
            throw new IllegalArgumentException("--authorization-mode must be Webhook or AlwaysAllow");
        }
        boolean alwaysAllow = mode.equals("AlwaysAllow");
        StaticTargets statics = f.all("static-node").isEmpty() ? null : StaticTargets.parse(f.all("static-node"));
        LabelSelector nodeSelector = LabelSelector.parse(f.string("node-selector"));

        // The API server: from --kubeconfig, or in-cluster when running in a pod.
        String kubeconfig = f.string("kubeconfig");
        boolean inCluster = System.getenv("KUBERNETES_SERVICE_HOST") != null;
        ApiClient apiClient = null;
        KubeApi kubeApi = null;
        if (!kubeconfig.isEmpty() || inCluster) {
            apiClient = KubeClients.apiClient(new KubeClientOptions(kubeconfig.isEmpty() ? null : kubeconfig,
                    Duration.ofSeconds(10)));
            kubeApi = new ClientJavaKubeApi(apiClient);
        }
        if (statics == null && kubeApi == null) {
            throw new IllegalArgumentException("no API server (--kubeconfig, or in-cluster) to discover nodes from, and "
                    + "no --static-node");
        }
        if (!alwaysAllow && kubeApi == null) {
            throw new IllegalArgumentException("SubjectAccessReview needs an API server (--kubeconfig); for a local run "
                    + "without one use --authorization-mode=AlwaysAllow");
        }
        if (alwaysAllow) {
            String banner = "*".repeat(100);
            LOG.warn(banner);
            LOG.warn("AUTHORIZATION IS OFF (--authorization-mode=AlwaysAllow): every authenticated request, and anonymous "
                    + "ones when --anonymous-auth is on, may read all metrics. For local runs only, never in a cluster.");
            LOG.warn(banner);
        }

        TwoPointStorage storage = new TwoPointStorage(resolution, resolution.multipliedBy(2).plus(requestTimeout));
        PushedNodes pushed = new PushedNodes(resolution);
        SelfMetrics metrics = new SelfMetrics(resolution, storage);

        ClusterView cluster;
        TargetSource targets;
        InformerClusterView informerView = null;
        if (statics != null) {
            cluster = new StaticClusterView(statics.nodeNames(), storage);
            targets = statics;
            LOG.info("Using a static node list", "nodes", String.join(",", statics.nodeNames()));
        } else {
            informerView = new InformerClusterView(kubeApi, nodeSelector).start();
            cluster = informerView;
            boolean insecureHttp = f.bool("deprecated-kubelet-completely-insecure");
            targets = new InformerTargets(cluster, AggregatorFlags.list(f, "kubelet-preferred-address-types"),
                    f.integer("kubelet-port"), f.bool("kubelet-use-node-status-port"), insecureHttp ? "http" : "https");
        }

        // Trust for client certificates: flags, else the authentication ConfigMap.
        boolean skipLookup = f.bool("authentication-skip-lookup");
        TrustSources trust = new TrustSources(new TrustSources.Flags(certs(f, "client-ca-file"),
                certs(f, "requestheader-client-ca-file"), AggregatorFlags.list(f, "requestheader-allowed-names"),
                f.isSet("requestheader-allowed-names"), AggregatorFlags.list(f, "requestheader-username-headers"),
                AggregatorFlags.list(f, "requestheader-group-headers"),
                AggregatorFlags.list(f, "requestheader-extra-headers-prefix"),
                AggregatorFlags.list(f, "requestheader-uid-headers")), skipLookup ? null : kubeApi);
        try {
            trust.load();
        } catch (Exception e) {
            if (!f.bool("authentication-tolerate-lookup-failure")) {
                throw new IllegalStateException("unable to load configmap based request-header-client-ca-file: " + e
                        + " (--authentication-tolerate-lookup-failure starts anyway)", e);
            }
            LOG.warn("Unable to read the authentication ConfigMap; continuing without it", "err", e.toString());
        }

        KubeReviews tokens = apiClient == null ? null : new CachingKubeReviews(new ClientJavaReviews(apiClient),
                f.duration("authentication-token-webhook-cache-ttl"), Duration.ZERO, Duration.ZERO);
        DelegatedAuthentication authn = new DelegatedAuthentication(trust::requestHeader, trust::clientCertificates,
                tokens, f.bool("anonymous-auth"));
        AccessReviewer reviewer = alwaysAllow ? null : new CachingAccessReviewer(new ClientJavaAccessReviewer(apiClient),
                f.duration("authorization-webhook-cache-authorized-ttl"),
                f.duration("authorization-webhook-cache-unauthorized-ttl"));
        DelegatedAuthorization authz = new DelegatedAuthorization(AggregatorFlags.list(f, "authorization-always-allow-paths"),
                reviewer);

        MetricsApi api = new MetricsApi(cluster, storage, Instant::now, metrics::freshness);
        ScrapeState state = new ScrapeState();
        Health health = ScrapeState.health(state, storage, cluster, resolution);
        PushHandler push = new PushHandler(new NodeIdentity(new HashSet<>(AggregatorFlags.list(f, "push-service-accounts"))),
                storage, pushed, metrics);
        ApiServer handler = new ApiServer(authn, authz, api, health, metrics, new OpenApi(VERSION), push, VERSION);

        Path certDir = f.string("cert-dir").isEmpty() ? null : Path.of(f.string("cert-dir"));
        ServingTls tls = ServingTls.create(trust.tls(ServingCertificate.source(path(f, "tls-cert-file"),
                path(f, "tls-private-key-file"), certDir)));
        InetSocketAddress bind = new InetSocketAddress(InetAddress.getByName(f.string("bind-address")), f.integer("secure-port"));
        HttpsServer server = HttpsServer.create(bind, 256);
        server.setHttpsConfigurator(tls);
        server.createContext("/", handler);
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor httpExecutor = new ThreadPoolExecutor(HTTP_THREADS, HTTP_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> daemon(r, "http-" + n.incrementAndGet()));
        httpExecutor.allowCoreThreadTimeOut(true);
        server.setExecutor(httpExecutor);

        // Agent client: a couple of threads decode bodies; the JDK client multiplexes the connections.
        java.util.concurrent.ExecutorService clientExecutor = Executors.newFixedThreadPool(2, r -> daemon(r, "scrape"));
        boolean plain = f.bool("deprecated-kubelet-completely-insecure");
        HttpAgentClient agents = new HttpAgentClient(AgentTls.context(kubeletCa, insecureTls, clientCert, clientKey),
                requestTimeout, plain || !Files.isReadable(SA_TOKEN) ? null : SA_TOKEN, clientExecutor);
        Scraper scraper = new Scraper(targets, agents, storage, pushed, f.integer("scrape-concurrency"), resolution, metrics);

        ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "background"));
        if (trust.usesConfigMap()) {
            background.scheduleWithFixedDelay(trust::refresh, 60, 60, TimeUnit.SECONDS);
        }
        server.start();
        LOG.info("Serving securely", "address", server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort(), "version", VERSION, "resolution", resolution);

        Thread loop = new Thread(() -> state.run(scraper, cluster, resolution), "scrape-loop");
        loop.setDaemon(true);
        Aggregator a = new Aggregator(server, httpExecutor, background, clientExecutor, informerView, loop);
        state.owner = a;
        loop.start();
        return a;
    }

    /** The port the server is bound to (tests bind port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    boolean closed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        scrapeLoop.interrupt();
        server.stop(0);
        httpExecutor.shutdownNow();
        background.shutdownNow();
        clientExecutor.shutdownNow();
        if (informers != null) {
            try {
                informers.close();
            } catch (Exception ignored) {
                // closing anyway
            }
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static Path path(FlagValues f, String name) {
        String s = f.string(name);
        return s.isEmpty() ? null : Path.of(s);
    }

    private static List<X509Certificate> certs(FlagValues f, String name) throws Exception {
        Path p = path(f, name);
        if (p == null) {
            return null;
        }
        List<X509Certificate> c = PemFiles.readCertificates(p);
        if (c.isEmpty()) {
            throw new IllegalArgumentException("--" + name + " " + p + " holds no certificate");
        }
        return c;
    }

    private static String versionOf() {
        String v = Aggregator.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}
