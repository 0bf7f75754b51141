package dev.nodepulse.deploy;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The method references in a class file's constant pool (JVMS 4.4): every method a class can call is named
 * there, whatever the call's shape (plain, lambda, method reference). Enough to list the Kubernetes API calls
 * our code makes without running it.
 */
final class ClassConstants {

    /** A CONSTANT_Methodref or CONSTANT_InterfaceMethodref: owner in internal form (a/b/C$D), method name. */
    record MethodRef(String owner, String name) {}

    /** The method references and the string literals (CONSTANT_String) of one class. */
    record Pool(List<MethodRef> methodRefs, List<String> strings) {}

    private ClassConstants() {}

    static List<MethodRef> methodRefs(byte[] classFile) throws IOException {
        return read(classFile).methodRefs();
    }

    static Pool read(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort(); // minor
        in.readUnsignedShort(); // major
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classNameIndex = new int[count];
        int[][] memberRef = new int[count][];
        int[][] nameAndType = new int[count][];
        int[] stringIndex = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++; // 8-byte constants take two slots
                }
                case 7 -> classNameIndex[i] = in.readUnsignedShort();
                case 8 -> stringIndex[i] = in.readUnsignedShort();
                case 16, 19, 20 -> in.readUnsignedShort();
                case 10, 11 -> memberRef[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                case 9, 17, 18 -> in.readInt();
                case 12 -> nameAndType[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant pool tag " + tag + " at " + i);
            }
        }
        List<MethodRef> refs = new ArrayList<>();
        for (int[] ref : memberRef) {
            if (ref != null) {
                String owner = utf8[classNameIndex[ref[0]]];
                String name = utf8[nameAndType[ref[1]][0]];
                refs.add(new MethodRef(owner, name));
            }
        }
        List<String> strings = new ArrayList<>();
        for (int idx : stringIndex) {
            if (idx != 0) {
                strings.add(utf8[idx]);
            }
        }
        return new Pool(refs, strings);
    }
}
