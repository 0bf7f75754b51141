package dev.nodepulse.aggregator.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The scale benchmark's agents: one process, one selector thread, N agents on N loopback ports, each serving a
 * kubelet-shaped /metrics/resource with {@code pods} pods (one container each, plus the pod-level series the
 * kubelet also writes) whose counters grow with time. HTTP/1.1 keep-alive, as the aggregator's client uses it.
 *
 * <p>Usage: {@code AgentSimulator NODES PODS FIRST_PORT STATIC_NODE_ARGS_FILE [SECONDS]}; writes one
 * {@code --static-node=...} line per agent to the file, then serves (until SECONDS pass, default 1 h).
 */
public final class AgentSimulator {

    private static final String[] FAMILIES = {
        "# HELP container_cpu_usage_seconds_total [STABLE] Cumulative cpu time consumed by the container in core-seconds\n"
                + "# TYPE container_cpu_usage_seconds_total counter\n",
        "# HELP container_memory_working_set_bytes [STABLE] Current working set of the container in bytes\n"
                + "# TYPE container_memory_working_set_bytes gauge\n",
        "# HELP container_start_time_seconds [STABLE] Start time of the container since unix epoch in seconds\n"
                + "# TYPE container_start_time_seconds gauge\n",
    };

    private record Conn(int node, ByteBuffer in, ByteBuffer[] out) {}

    public static void main(String[] args) throws Exception {
        int nodes = Integer.parseInt(args[0]);
        int pods = Integer.parseInt(args[1]);
        int port = Integer.parseInt(args[2]);
        Path out = Path.of(args[3]);
        long seconds = args.length > 4 ? Long.parseLong(args[4]) : 3600;
        Selector selector = Selector.open();
        List<String> lines = new ArrayList<>();
        InetAddress lo = InetAddress.getLoopbackAddress();
        int bound = 0;
        while (bound < nodes) {
            ServerSocketChannel ssc = ServerSocketChannel.open();
            try {
                ssc.bind(new InetSocketAddress(lo, port), 64);
            } catch (IOException e) {
                ssc.close();
                port++;
                continue;
            }
            ssc.configureBlocking(false);
            ssc.register(selector, SelectionKey.OP_ACCEPT, bound);
            lines.add("--static-node=sim-" + bound + "=http://127.0.0.1:" + port);
            bound++;
            port++;
        }
        Files.write(out, lines);
        System.err.println("simulating " + nodes + " agents x " + pods + " pods on 127.0.0.1 ports up to " + (port - 1));
        long start = System.currentTimeMillis();
        long end = start + seconds * 1000;
        long served = 0;
        StringBuilder sb = new StringBuilder(256 * 1024);
        while (System.currentTimeMillis() < end) {
            selector.select(1000);
            Iterator<SelectionKey> it = selector.selectedKeys().iterator();
            while (it.hasNext()) {
                SelectionKey k = it.next();
                it.remove();
                try {
                    if (k.isAcceptable()) {
                        SocketChannel c = ((ServerSocketChannel) k.channel()).accept();
                        if (c != null) {
                            c.configureBlocking(false);
                            c.register(selector, SelectionKey.OP_READ, new Conn((Integer) k.attachment(),
                                    ByteBuffer.allocate(4096), new ByteBuffer[1]));
                        }
                    } else if (k.isReadable()) {
                        Conn conn = (Conn) k.attachment();
                        SocketChannel c = (SocketChannel) k.channel();
                        if (c.read(conn.in()) < 0) {
                            c.close();
                            continue;
                        }
                        if (complete(conn.in())) {
                            conn.in().clear();
                            byte[] body = body(sb, conn.node(), pods, start).getBytes(StandardCharsets.UTF_8);
                            byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain; version=0.0.4; charset=utf-8\r\n"
                                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
                            ByteBuffer b = ByteBuffer.allocate(head.length + body.length).put(head).put(body);
                            b.flip();
                            conn.out()[0] = b;
                            served++;
                            k.interestOps(SelectionKey.OP_WRITE);
                        }
                    }
                    if (k.isValid() && k.isWritable()) {
                        Conn conn = (Conn) k.attachment();
                        ((SocketChannel) k.channel()).write(conn.out()[0]);
                        if (!conn.out()[0].hasRemaining()) {
                            conn.out()[0] = null;
                            k.interestOps(SelectionKey.OP_READ);
                        }
                    }
                } catch (IOException e) {
                    k.channel().close();
                }
            }
        }
        System.err.println("served " + served + " scrapes");
    }

    private static boolean complete(ByteBuffer in) {
        int n = in.position();
        for (int i = 3; i < n; i++) {
            if (in.get(i - 3) == '\r' && in.get(i - 2) == '\n' && in.get(i - 1) == '\r' && in.get(i) == '\n') {
                return true;
            }
        }
        return false;
    }

    /** Families sorted by name as the kubelet writes them; values grow with time so rates are non-zero. */
    static String body(StringBuilder sb, int node, int pods, long start) {
        sb.setLength(0);
        long now = System.currentTimeMillis();
        double t = (now - start) / 1000.0 + 1000;
        String ts = Long.toString(now);
        for (int f = 0; f < 3; f++) {
            sb.append(FAMILIES[f]);
            for (int p = 0; p < pods; p++) {
                String name = f == 0 ? "container_cpu_usage_seconds_total" : f == 1 ? "container_memory_working_set_bytes"
                        : "container_start_time_seconds";
                sb.append(name).append("{container=\"app\",namespace=\"ns-").append(p % 20).append("\",pod=\"pod-")
                        .append(node).append('-').append(p).append("-7d9f8c6b5d-x2kqp\"} ");
                if (f == 0) {
                    sb.append(t * (0.001 + p * 0.0001)).append(' ').append(ts);
                } else if (f == 1) {
                    sb.append(30_000_000 + p * 100_000).append(' ').append(ts);
                } else {
                    sb.append(start / 1000 - 3600);
                }
                sb.append('\n');
            }
        }
        sb.append("# HELP node_cpu_usage_seconds_total [STABLE] Cumulative cpu time consumed by the node in core-seconds\n")
                .append("# TYPE node_cpu_usage_seconds_total counter\nnode_cpu_usage_seconds_total ").append(t * 1.5)
                .append(' ').append(ts).append('\n')
                .append("# HELP node_memory_working_set_bytes [STABLE] Current working set of the node in bytes\n")
                .append("# TYPE node_memory_working_set_bytes gauge\nnode_memory_working_set_bytes 4.2e+09 ").append(ts).append('\n');
        sb.append("# HELP pod_cpu_usage_seconds_total [STABLE] Cumulative cpu time consumed by the pod in core-seconds\n")
                .append("# TYPE pod_cpu_usage_seconds_total counter\n");
        for (int p = 0; p < pods; p++) {
            sb.append("pod_cpu_usage_seconds_total{namespace=\"ns-").append(p % 20).append("\",pod=\"pod-").append(node)
                    .append('-').append(p).append("-7d9f8c6b5d-x2kqp\"} ").append(t * (0.0011 + p * 0.0001)).append(' ')
                    .append(ts).append('\n');
        }
        sb.append("# HELP pod_memory_working_set_bytes [STABLE] Current working set of the pod in bytes\n")
                .append("# TYPE pod_memory_working_set_bytes gauge\n");
        for (int p = 0; p < pods; p++) {
            sb.append("pod_memory_working_set_bytes{namespace=\"ns-").append(p % 20).append("\",pod=\"pod-").append(node)
                    .append('-').append(p).append("-7d9f8c6b5d-x2kqp\"} ").append(31_000_000 + p * 100_000).append(' ')
                    .append(ts).append('\n');
        }
        sb.append("# HELP resource_scrape_error [STABLE] 1 if there was an error while getting container metrics, 0 otherwise\n"
                + "# TYPE resource_scrape_error gauge\nresource_scrape_error 0\n");
        return sb.toString();
    }
}
