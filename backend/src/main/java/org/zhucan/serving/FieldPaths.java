package org.zhucan.serving;

/** Field paths of user errors: a path with more names after it. */
final class FieldPaths {

    private FieldPaths() {
    }

    static String[] at(String[] path, String... more) {
        String[] joined = java.util.Arrays.copyOf(path, path.length + more.length);
        System.arraycopy(more, 0, joined, path.length, more.length);
        return joined;
    }
}
