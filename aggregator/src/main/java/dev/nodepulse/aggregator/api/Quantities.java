package dev.nodepulse.aggregator.api;

import java.math.BigInteger;

/**
 * resource.Quantity's canonical strings for the two quantities metrics-server writes: CPU as nanocores
 * (a scaled quantity, scale -9, DecimalSI: {@code "187654321n"}, {@code "150m"}, {@code "2"}) and memory as bytes
 * (BinarySI: {@code "1805328Ki"}, {@code "1848655873"}; values under 1024 fall back to DecimalSI, {@code "1k"}).
 */
public final class Quantities {

    private static final String[] DECIMAL_SUFFIXES = {"n", "u", "m", "", "k", "M", "G", "T", "P", "E"};
    private static final String[] BINARY_SUFFIXES = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};

    private Quantities() {}

    /** {@code value × 10^-9} as Kubernetes prints a DecimalSI quantity. */
    public static String nanos(long value) {
        return decimal(BigInteger.valueOf(value), -9);
    }

    /** An unsigned 64-bit nanocore count (metrics-server's uint64 → scaled quantity, precision cut above int64). */
    public static String unsignedNanos(long value) {
        if (value >= 0) {
            return nanos(value);
        }
        // metrics-server drops one decimal digit so the value fits a scaled int64.
        return decimal(new BigInteger(Long.toUnsignedString(value)).divide(BigInteger.TEN), -8);
    }

    /** Bytes as a BinarySI quantity. */
    public static String bytes(long value) {
        if (value < 0) {
            return decimal(new BigInteger(Long.toUnsignedString(value)).divide(BigInteger.TEN), 1);
        }
        if (value < 1024) {
            return decimal(BigInteger.valueOf(value), 0);
        }
        long amount = value;
        int exp = 0;
        while (amount >= 1024 && amount % 1024 == 0 && exp < BINARY_SUFFIXES.length - 1) {
            amount /= 1024;
            exp++;
        }
        return amount + BINARY_SUFFIXES[exp];
    }

    /** The DecimalSI/DecimalExponent canonical form of {@code mantissa × 10^scale}. */
    static String decimal(BigInteger mantissa, int scale) {
        if (mantissa.signum() == 0) {
            return "0";
        }
        BigInteger amount = mantissa;
        int exponent = scale;
        while (amount.abs().compareTo(BigInteger.TEN) >= 0 && amount.mod(BigInteger.TEN).signum() == 0) {
            amount = amount.divide(BigInteger.TEN);
            exponent++;
        }
        int mod = Math.floorMod(exponent, 3);
        if (mod == 1) {
            amount = amount.multiply(BigInteger.TEN);
            exponent -= 1;
        } else if (mod == 2) {
            amount = amount.multiply(BigInteger.valueOf(100));
            exponent -= 2;
        }
        int idx = exponent / 3 + 3;
        if (idx >= 0 && idx < DECIMAL_SUFFIXES.length) {
            return amount + DECIMAL_SUFFIXES[idx];
        }
        return amount + "e" + exponent;
    }
}
