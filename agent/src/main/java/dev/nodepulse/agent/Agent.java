package dev.nodepulse.agent;

import com.sun.net.httpserver.HttpServer;
import dev.nodepulse.agent.cadvisor.ContainerMetrics;
import dev.nodepulse.agent.cadvisor.ContainerSnapshots;
import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorCatalog;
import dev.nodepulse.agent.collector.CollectorRunner;
import dev.nodepulse.agent.collector.EnabledCollectors;
import dev.nodepulse.agent.http.LandingPage;
import dev.nodepulse.agent.http.ListenAddress;
import dev.nodepulse.agent.http.MetricsEndpoint;
import dev.nodepulse.agent.http.WebSecurityFlags;
import dev.nodepulse.agent.push.PushFlags;
import dev.nodepulse.agent.push.ResourcePusher;
import dev.nodepulse.agent.self.BuildInfo;
import dev.nodepulse.agent.self.HandlerMetrics;
import dev.nodepulse.agent.self.ProcessMetrics;
import dev.nodepulse.agent.stats.StatsEndpoints;
import dev.nodepulse.cli.FlagValues;
import dev.nodepulse.http.Responses;
import dev.nodepulse.http.Router;
import dev.nodepulse.kubelet.resource.ResourceMetrics;
import dev.nodepulse.kubelet.serve.ServingSecurity;
import dev.nodepulse.log.Log;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.natives.Sysconf;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** A running agent: collectors, HTTP servers. {@link #close()} stops it. */
public final class Agent implements AutoCloseable {

    private static final Log LOG = Log.get(Agent.class);
    /** HTTP worker threads; scrapes beyond them queue. Few are needed: scrapes join one in-flight collection. */
    private static final int HTTP_THREADS = 4;

    private final List<HttpServer> servers;
    private final CollectorRunner runner;
    private final ExecutorService httpExecutor;
    private final ContainerMetrics containers;
    private ResourcePusher pusher;

    private Agent(List<HttpServer> servers, CollectorRunner runner, ExecutorService httpExecutor,
                  ContainerMetrics containers) {
        this.servers = servers;
        this.runner = runner;
        this.httpExecutor = httpExecutor;
        this.containers = containers;
    }

    public static HostPaths hostPaths(FlagValues f) {
        return new HostPaths(Path.of(f.string("path.procfs")), Path.of(f.string("path.sysfs")),
                Path.of(f.string("path.rootfs")), Path.of(f.string("path.udev.data")));
    }

    public static Agent start(FlagValues f) throws Exception {
        // The JDK server writes the response headers and the body in two segments. Without TCP_NODELAY the body
        // waits for the ACK of the headers, which the scraper's kernel delays by 40 ms (delayed ACK): every scrape
        // on a kept-alive connection, as Prometheus makes them, took 40+ ms. Read once, when the server class loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        HostPaths paths = hostPaths(f);
        if (!Sysconf.nativeAvailable()) {
            LOG.warn("libc is not reachable through JNA; using USER_HZ=100 and 4 KiB pages, filesystem, uname and timex "
                    + "collectors will fail", "err", Sysconf.failure());
        }
        Map<String, Collector> collectors = EnabledCollectors.create(f, paths, CollectorCatalog.all());
        CollectorRunner runner = new CollectorRunner(collectors, Math.max(1, f.integer("runtime.gomaxprocs")));
        HandlerMetrics handlerMetrics = new HandlerMetrics();
        ProcessMetrics process = f.bool("web.disable-exporter-metrics") ? null : new ProcessMetrics();
        ContainerMetrics containers = ContainerMetrics.start(f, paths);
        NodeMetrics node = new NodeMetrics(runner, process, handlerMetrics, containers.walkMetrics());

        String telemetryPath = f.string("web.telemetry-path");
        Router router = new Router();
        router.route(telemetryPath, "node_exporter-compatible node metrics (collect[] and exclude[] select collectors)",
                new MetricsEndpoint(node, f.integer("web.max-requests"), f.duration("scrape.timeout")));
        Supplier<ResourceMetrics> resource = null;
        if (containers.endpoint() != null) {
            router.route("/metrics/cadvisor", "kubelet-compatible container and machine metrics (cgroups)",
                    containers.endpoint());
            resource = StatsEndpoints.route(router, f, paths, containers.snapshots());
        }
        router.route("/healthz", "liveness: answers ok while the process serves HTTP",
                ex -> Responses.text(ex, 200, "ok\n"));
        if (!telemetryPath.equals("/")) {
            router.route("/", "this page", new LandingPage(router, BuildInfo.VERSION, runner.names()));
        }

        ServingSecurity security = WebSecurityFlags.configure(f, telemetryPath);
        // The push source is what /metrics/resource serves.
        ResourcePusher pusher = PushFlags.start(f, NodeName.resolve(f.string("node-name"), System.getenv()), resource);
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor httpExecutor = new ThreadPoolExecutor(HTTP_THREADS, HTTP_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "http-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        httpExecutor.allowCoreThreadTimeOut(true);

        List<HttpServer> servers = new ArrayList<>();
        try {
            for (String address : f.all("web.listen-address")) {
                InetSocketAddress bind = ListenAddress.parse(address);
                HttpServer server = security.createServer(bind, 64);
                server.createContext("/", security.wrap(router, "/healthz"::equals));
                server.setExecutor(httpExecutor);
                server.start();
                servers.add(server);
                LOG.info("Listening on", "address", server.getAddress().getAddress().getHostAddress() + ":"
                        + server.getAddress().getPort(), "tls", security.tls());
            }
        } catch (IOException e) {
            servers.forEach(s -> s.stop(0));
            runner.close();
            containers.close();
            httpExecutor.shutdownNow();
            throw new IOException("cannot listen: " + e.getMessage(), e);
        }
        LOG.info("Starting nodepulse agent", "version", BuildInfo.VERSION, "collectors", String.join(",", runner.names()));
        Agent agent = new Agent(servers, runner, httpExecutor, containers);
        agent.pusher = pusher;
        return agent;
    }

    /** The port the first listener is bound to (tests bind port 0). */
    public int port() {
        return servers.get(0).getAddress().getPort();
    }

    /** The cgroup snapshots behind the container endpoints; null when cgroups are off or absent. */
    public ContainerSnapshots containerSnapshots() {
        return containers.snapshots();
    }

    @Override
    public void close() {
        if (pusher != null) {
            pusher.close();
        }
        servers.forEach(s -> s.stop(0));
        runner.close();
        containers.close();
        httpExecutor.shutdownNow();
    }
}
