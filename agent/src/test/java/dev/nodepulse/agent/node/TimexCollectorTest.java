package dev.nodepulse.agent.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nodepulse.agent.collector.NoDataException;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.metrics.text.MetricKind;
import dev.nodepulse.procfs.natives.Timex;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TimexCollectorTest {

    /** A reading in microsecond mode, then one with STA_NANO: offsets and jitter change unit, the rest not. */
    @Test
    void unitConversions() throws Exception {
        Timex.Result micro = new Timex.Result(0, 1500, 65536L * 12, 250000, 1200, 0x0001, 7, 1, 32768000, 10000,
                65536L * 3, 2500, 4, 65536L * 2, 11, 12, 13, 14, 37);
        MetricSink sink = new MetricSink();
        TimexCollector.publish(sink, micro);
        Rendered r = Rendered.of(sink);
        assertEquals(1, r.value("node_timex_sync_status"));
        assertEquals(0.0015, r.value("node_timex_offset_seconds"));
        assertEquals(1.000012, r.value("node_timex_frequency_adjustment_ratio"), 1e-15);
        assertEquals(0.25, r.value("node_timex_maxerror_seconds"));
        assertEquals(0.0012, r.value("node_timex_estimated_error_seconds"));
        assertEquals(1, r.value("node_timex_status"));
        assertEquals(7, r.value("node_timex_loop_time_constant"));
        assertEquals(0.01, r.value("node_timex_tick_seconds"));
        assertEquals(3e-6, r.value("node_timex_pps_frequency_hertz"), 1e-20);
        assertEquals(0.0025, r.value("node_timex_pps_jitter_seconds"));
        assertEquals(4, r.value("node_timex_pps_shift_seconds"));
        assertEquals(2e-6, r.value("node_timex_pps_stability_hertz"), 1e-20);
        assertEquals(11, r.value("node_timex_pps_jitter_total"));
        assertEquals(12, r.value("node_timex_pps_calibration_total"));
        assertEquals(13, r.value("node_timex_pps_error_total"));
        assertEquals(14, r.value("node_timex_pps_stability_exceeded_total"));
        assertEquals(37, r.value("node_timex_tai_offset_seconds"));
        assertEquals(MetricKind.COUNTER, r.get("node_timex_pps_error_total").kind());
        assertEquals(17, r.families.size());

        Timex.Result nano = new Timex.Result(Timex.TIME_ERROR, 1500, 0, 0, 0, Timex.STA_NANO, 0, 0, 0, 10000, 0,
                2500, 0, 0, 0, 0, 0, 0, 0);
        MetricSink s2 = new MetricSink();
        TimexCollector.publish(s2, nano);
        Rendered n = Rendered.of(s2);
        assertEquals(0, n.value("node_timex_sync_status"));
        assertEquals(1.5e-6, n.value("node_timex_offset_seconds"));
        assertEquals(2.5e-6, n.value("node_timex_pps_jitter_seconds"));
        assertEquals(0.01, n.value("node_timex_tick_seconds"));
    }

    /**
     * The live call against the same call made through Python's ctypes (an independent reading of struct
     * timex): the slowly-changing fields must agree.
     */
    @Test
    void liveHostAgreesWithAnIndependentAdjtimex() throws Exception {
        MetricSink sink = new MetricSink();
        try {
            new TimexCollector().update(sink);
        } catch (NoDataException e) {
            assumeTrue(false, "adjtimex not permitted here: " + e.getMessage());
        }
        Rendered r = Rendered.of(sink);
        String script = "import ctypes\n"
                + "class T(ctypes.Structure):\n"
                + "  _fields_=[('modes',ctypes.c_uint),('offset',ctypes.c_long),('freq',ctypes.c_long),"
                + "('maxerror',ctypes.c_long),('esterror',ctypes.c_long),('status',ctypes.c_int),"
                + "('constant',ctypes.c_long),('precision',ctypes.c_long),('tolerance',ctypes.c_long),"
                + "('sec',ctypes.c_long),('usec',ctypes.c_long),('tick',ctypes.c_long),('ppsfreq',ctypes.c_long),"
                + "('jitter',ctypes.c_long),('shift',ctypes.c_int),('stabil',ctypes.c_long),('jitcnt',ctypes.c_long),"
                + "('calcnt',ctypes.c_long),('errcnt',ctypes.c_long),('stbcnt',ctypes.c_long),('tai',ctypes.c_int),"
                + "('pad',ctypes.c_int*11)]\n"
                + "t=T()\n"
                + "s=ctypes.CDLL(None,use_errno=True).adjtimex(ctypes.byref(t))\n"
                + "print(s,t.status,t.constant,t.tick,t.tai,t.shift,t.jitcnt,t.calcnt,t.errcnt,t.stbcnt)\n";
        Process p;
        try {
            p = new ProcessBuilder("python3", "-c", script).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "python3 not available");
            return;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        assumeTrue(p.exitValue() == 0 && out.matches("[-0-9 ]+"), "python ctypes adjtimex failed: " + out);
        String[] f = out.split(" ");
        assertTrue(Integer.parseInt(f[0]) >= 0, out);
        assertEquals(Integer.parseInt(f[0]) == Timex.TIME_ERROR ? 0 : 1, r.value("node_timex_sync_status"), out);
        assertEquals(Double.parseDouble(f[1]), r.value("node_timex_status"), out);
        assertEquals(Double.parseDouble(f[2]), r.value("node_timex_loop_time_constant"), out);
        assertEquals(Double.parseDouble(f[3]) / 1e6, r.value("node_timex_tick_seconds"), out);
        assertEquals(Double.parseDouble(f[4]), r.value("node_timex_tai_offset_seconds"), out);
        assertEquals(Double.parseDouble(f[5]), r.value("node_timex_pps_shift_seconds"), out);
        assertEquals(Double.parseDouble(f[6]), r.value("node_timex_pps_jitter_total"), out);
        assertEquals(Double.parseDouble(f[7]), r.value("node_timex_pps_calibration_total"), out);
        assertEquals(Double.parseDouble(f[8]), r.value("node_timex_pps_error_total"), out);
        assertEquals(Double.parseDouble(f[9]), r.value("node_timex_pps_stability_exceeded_total"), out);
        // The kernel bounds the frequency adjustment to +-500 ppm.
        assertTrue(Math.abs(r.value("node_timex_frequency_adjustment_ratio") - 1) <= 500e-6);
    }
}
