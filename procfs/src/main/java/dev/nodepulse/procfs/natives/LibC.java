package dev.nodepulse.procfs.natives;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The few libc calls the JDK has no API for. Structures are passed as raw memory and read at fixed
 * offsets (see {@link Statfs}, {@link Uname}, {@link Timex}) because JNA's reflective Structure mapping
 * costs more per call than the call itself.
 */
interface LibC extends Library {

    int statfs(String path, Pointer buf);

    long sysconf(int name);

    int uname(Pointer buf);

    int adjtimex(Pointer buf);

    /** Loaded on first use so an agent that never needs native calls never extracts JNA's stub library. */
    final class Holder {
        static final LibC INSTANCE = Native.load("c", LibC.class);

        private Holder() {}
    }
}
