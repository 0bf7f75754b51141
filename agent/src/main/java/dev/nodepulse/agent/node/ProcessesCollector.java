package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.log.Log;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.Numbers;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.proc.PidList;
import dev.nodepulse.procfs.proc.PidStat;
import dev.nodepulse.procfs.proc.PidStatParser;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Process and thread counts by state from a walk of /proc/&lt;pid&gt;/stat and /proc/&lt;pid&gt;/task/&lt;tid&gt;/stat,
 * plus the kernel's limits (threads-max, pid_max). Processes and threads exit during the walk all the
 * time; one whose files are gone by the time they are read is simply not counted.
 */
public final class ProcessesCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("processes", false,
            ctx -> new ProcessesCollector(ctx.paths()));

    private static final Log LOG = Log.get(ProcessesCollector.class);

    private final HostPaths paths;

    public ProcessesCollector(HostPaths paths) {
        this.paths = paths;
    }

    /** What the walk found: processes, their states, threads (by num_threads) and thread states. */
    record Census(int pids, Map<String, Integer> states, long threads, Map<String, Integer> threadStates) {}

    @Override
    public void update(MetricSink sink) throws Exception {
        Census c;
        try {
            c = census();
        } catch (IOException e) {
            throw new IOException("unable to retrieve number of allocated threads: " + e.getMessage(), e);
        }
        sink.gauge("node_processes_threads", "Allocated threads in system").add(c.threads());
        Path threadsMax = paths.proc("sys", "kernel", "threads-max");
        double maxThreads;
        try {
            maxThreads = Numbers.parseUnsigned(SmallFiles.readTrimmed(threadsMax), threadsMax.toString());
        } catch (IOException e) {
            throw new IOException("unable to retrieve limit number of threads: " + e.getMessage(), e);
        }
        sink.gauge("node_processes_max_threads", "Limit of threads in the system").add(maxThreads);
        var state = sink.gauge("node_processes_state", "Number of processes in each state.", "state");
        c.states().forEach((s, n) -> state.add(n, s));
        var threadState = sink.gauge("node_processes_threads_state", "Number of threads in each state.", "thread_state");
        c.threadStates().forEach((s, n) -> threadState.add(n, s));
        Path pidMax = paths.proc("sys", "kernel", "pid_max");
        double maxPids;
        try {
            maxPids = Numbers.parseUnsigned(SmallFiles.readTrimmed(pidMax), pidMax.toString());
        } catch (IOException e) {
            throw new IOException("unable to retrieve limit number of maximum pids allowed: " + e.getMessage(), e);
        }
        sink.gauge("node_processes_pids", "Number of PIDs").add(c.pids());
        sink.gauge("node_processes_max_processes", "Number of max PIDs limit").add(maxPids);
    }

    Census census() throws IOException {
        int pids = 0;
        long threads = 0;
        Map<String, Integer> states = new TreeMap<>();
        Map<String, Integer> threadStates = new TreeMap<>();
        for (int pid : PidList.of(paths.procfs())) {
            PidStat stat;
            try {
                stat = PidStatParser.parse(SmallFiles.read(paths.proc(Integer.toString(pid), "stat")));
            } catch (IOException e) {
                if (vanished(e, paths.proc(Integer.toString(pid)))) {
                    LOG.debug("file not found when retrieving stats for pid", "pid", pid, "err", e.getMessage());
                    continue;
                }
                throw new IOException("error reading stat for pid " + pid + ": " + e.getMessage(), e);
            }
            pids++;
            String s = String.valueOf(stat.state());
            states.merge(s, 1, Integer::sum);
            threads += stat.numThreads();
            threadStates(pid, s, threadStates);
        }
        return new Census(pids, states, threads, threadStates);
    }

    private void threadStates(int pid, String processState, Map<String, Integer> threadStates) throws IOException {
        List<Integer> tids;
        try {
            tids = PidList.of(paths.proc(Integer.toString(pid), "task"));
        } catch (IOException e) {
            if (vanished(e, paths.proc(Integer.toString(pid)))) {
                LOG.debug("file not found when retrieving tasks for pid", "pid", pid, "err", e.getMessage());
                return;
            }
            throw new IOException("unable to list all threads for pid: " + pid + " " + e.getMessage(), e);
        }
        for (int tid : tids) {
            if (tid == pid) {
                threadStates.merge(processState, 1, Integer::sum);
                continue;
            }
            PidStat t;
            try {
                t = PidStatParser.parse(SmallFiles.read(paths.proc(Integer.toString(pid), "task",
                        Integer.toString(tid), "stat")));
            } catch (IOException e) {
                if (vanished(e, paths.proc(Integer.toString(pid), "task", Integer.toString(tid)))) {
                    LOG.debug("file not found when retrieving stats for thread", "pid", pid, "threadId", tid,
                            "err", e.getMessage());
                    continue;
                }
                throw new IOException("error reading stat for pid:" + pid + " thread:" + tid + " err:"
                        + e.getMessage(), e);
            }
            threadStates.merge(String.valueOf(t.state()), 1, Integer::sum);
        }
    }

    /**
     * The process or thread exited while we walked: its file is gone (ENOENT), the kernel answered ESRCH
     * for a task being reaped, or what was read did not parse because the task's directory vanished
     * meanwhile (checked afterwards, so a real parse fault of a live task is still an error).
     */
    static boolean vanished(IOException e, Path taskDir) {
        if (e instanceof NoSuchFileException) {
            return true;
        }
        String msg = e.getMessage();
        if (msg != null && (msg.contains("No such process") || msg.contains("No such file or directory"))) {
            return true;
        }
        return !java.nio.file.Files.exists(taskDir);
    }
}
