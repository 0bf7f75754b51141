package dev.nodepulse.kubelet.webconfig;

/**
 * The fractional part of pi in 32-bit words, most significant first: Blowfish's initial P-array (words 0-17)
 * and S-boxes (words 18-1041) are these digits in order (Schneier, "Description of a New Variable-Length Key,
 * 64-Bit Block Cipher", 1993). Computed once with Machin's formula, pi = 16 atan(1/5) - 4 atan(1/239), in
 * fixed point, instead of carrying a table of a thousand constants (about 80 ms, once, on the first password
 * check with the agent's C1-only JIT).
 */
final class PiWords {

    /** Extra words below the last one wanted; every series step truncates by less than one unit there. */
    private static final int GUARD = 4;

    private PiWords() {}

    /** The first {@code count} words of pi's fraction (pi = 3.243F6A88 85A308D3 ... in hexadecimal). */
    static int[] fraction(int count) {
        int n = count + GUARD;
        int[] a = atanInverse(5, n);
        int[] b = atanInverse(239, n);
        multiply(a, 16);
        multiply(b, 4);
        subtract(a, b);
        if (a[0] != 3) {
            throw new IllegalStateException("pi computed as " + a[0] + ".…");
        }
        int[] out = new int[count];
        System.arraycopy(a, 1, out, 0, count);
        return out;
    }

    /**
     * atan(1/x) = 1/x - 1/(3x^3) + 1/(5x^5) - ..., as fixed point: word 0 the integer part, words 1..n the
     * fraction.
     */
    private static int[] atanInverse(int x, int n) {
        int[] sum = new int[n + 1];
        int[] power = new int[n + 1];
        int[] term = new int[n + 1];
        power[0] = 1;
        int first = divide(power, x, 0); // 1/x
        long xx = (long) x * x;
        for (int k = 0; first <= n; k++) {
            divideInto(power, 2L * k + 1, term, first);
            if ((k & 1) == 0) {
                add(sum, term, first);
            } else {
                subtract(sum, term, first);
            }
            first = divide(power, xx, first);
        }
        return sum;
    }

    /** {@code a /= d} in place, from word {@code from} (the words above it are zero); the new first non-zero word. */
    private static int divide(int[] a, long d, int from) {
        long rem = 0;
        for (int i = from; i < a.length; i++) {
            long cur = (rem << 32) | (a[i] & 0xFFFFFFFFL);
            long q = cur / d;
            a[i] = (int) q;
            rem = cur - q * d;
        }
        while (from < a.length && a[from] == 0) {
            from++;
        }
        return from;
    }

    /** {@code out = a / d}, for {@code a} zero above word {@code from}. */
    private static void divideInto(int[] a, long d, int[] out, int from) {
        java.util.Arrays.fill(out, 0, from, 0);
        long rem = 0;
        for (int i = from; i < a.length; i++) {
            long cur = (rem << 32) | (a[i] & 0xFFFFFFFFL);
            long q = cur / d;
            out[i] = (int) q;
            rem = cur - q * d;
        }
    }

    private static void add(int[] sum, int[] t, int from) {
        long carry = 0;
        for (int i = sum.length - 1; i >= 0; i--) {
            if (i < from && carry == 0) {
                break;
            }
            long s = (sum[i] & 0xFFFFFFFFL) + (t[i] & 0xFFFFFFFFL) + carry;
            sum[i] = (int) s;
            carry = s >>> 32;
        }
    }

    private static void subtract(int[] sum, int[] t, int from) {
        long borrow = 0;
        for (int i = sum.length - 1; i >= 0; i--) {
            if (i < from && borrow == 0) {
                break;
            }
            long s = (sum[i] & 0xFFFFFFFFL) - (t[i] & 0xFFFFFFFFL) - borrow;
            sum[i] = (int) s;
            borrow = s < 0 ? 1 : 0;
        }
    }

    private static void subtract(int[] a, int[] b) {
        subtract(a, b, 0);
    }

    private static void multiply(int[] a, int m) {
        long carry = 0;
        for (int i = a.length - 1; i >= 0; i--) {
            long p = (a[i] & 0xFFFFFFFFL) * m + carry;
            a[i] = (int) p;
            carry = p >>> 32;
        }
    }
}
