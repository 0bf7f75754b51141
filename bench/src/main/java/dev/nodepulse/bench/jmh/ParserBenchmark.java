package dev.nodepulse.bench.jmh;

import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.proc.Meminfo;
import dev.nodepulse.procfs.proc.MeminfoParser;
import dev.nodepulse.procfs.proc.ProcStat;
import dev.nodepulse.procfs.proc.ProcStatParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Reading and parsing the two busiest /proc files of a node scrape: the file read versus the parse. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xmx64m", "-XX:TieredStopAtLevel=1"})
@State(Scope.Benchmark)
public class ParserBenchmark {

    private static final Path STAT = Path.of("/proc/stat");
    private static final Path MEMINFO = Path.of("/proc/meminfo");

    private String stat;
    private String meminfo;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        stat = Files.readString(STAT);
        meminfo = Files.readString(MEMINFO);
    }

    @Benchmark
    public String readProcStat() throws IOException {
        return SmallFiles.read(STAT);
    }

    @Benchmark
    public String readMeminfo() throws IOException {
        return SmallFiles.read(MEMINFO);
    }

    @Benchmark
    public ProcStat parseProcStat() throws Exception {
        return ProcStatParser.parse(stat, 100);
    }

    @Benchmark
    public Meminfo parseMeminfo() throws Exception {
        return MeminfoParser.parse(meminfo);
    }
}
