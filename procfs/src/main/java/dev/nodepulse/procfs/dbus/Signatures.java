package dev.nodepulse.procfs.dbus;

import java.util.ArrayList;
import java.util.List;

/** Splitting D-Bus type signatures into complete types, and the alignment each type starts on. */
public final class Signatures {

    private Signatures() {}

    /** The complete types of a signature in order: "a(so)ub" gives ["a(so)", "u", "b"]. */
    public static List<String> split(String signature) throws DbusProtocolException {
        List<String> types = new ArrayList<>();
        int i = 0;
        while (i < signature.length()) {
            int end = end(signature, i, 0);
            types.add(signature.substring(i, end));
            i = end;
        }
        return types;
    }

    /** Where the complete type starting at {@code start} ends (exclusive). */
    static int end(String sig, int start, int depth) throws DbusProtocolException {
        if (depth > 64) {
            throw new DbusProtocolException("signature nested too deeply: " + sig);
        }
        if (start >= sig.length()) {
            throw new DbusProtocolException("incomplete signature: " + sig);
        }
        char c = sig.charAt(start);
        switch (c) {
            case 'y', 'b', 'n', 'q', 'i', 'u', 'x', 't', 'd', 'h', 's', 'o', 'g', 'v':
                return start + 1;
            case 'a':
                if (start + 1 < sig.length() && sig.charAt(start + 1) == '{') {
                    if (start + 2 >= sig.length() || "v(a{".indexOf(sig.charAt(start + 2)) >= 0) {
                        throw new DbusProtocolException("dict key must be a basic type in signature: " + sig);
                    }
                    int key = end(sig, start + 2, depth + 1);
                    int value = end(sig, key, depth + 1);
                    if (value >= sig.length() || sig.charAt(value) != '}' || key - (start + 2) != 1) {
                        throw new DbusProtocolException("bad dict entry in signature: " + sig);
                    }
                    return value + 1;
                }
                return end(sig, start + 1, depth + 1);
            case '(':
                int i = start + 1;
                if (i < sig.length() && sig.charAt(i) == ')') {
                    throw new DbusProtocolException("empty struct in signature: " + sig);
                }
                while (i < sig.length() && sig.charAt(i) != ')') {
                    i = end(sig, i, depth + 1);
                }
                if (i >= sig.length()) {
                    throw new DbusProtocolException("unclosed struct in signature: " + sig);
                }
                return i + 1;
            default:
                throw new DbusProtocolException("unsupported type '" + c + "' in signature: " + sig);
        }
    }

    /** The boundary a value of this type starts on, per the specification's marshalling table. */
    static int alignment(char type) {
        return switch (type) {
            case 'y', 'g', 'v' -> 1;
            case 'n', 'q' -> 2;
            case 'b', 'i', 'u', 'h', 's', 'o', 'a' -> 4;
            default -> 8; // x, t, d, '(' and '{'
        };
    }
}
