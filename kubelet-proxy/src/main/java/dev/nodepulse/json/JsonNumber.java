package dev.nodepulse.json;

/** A JSON number kept as its text, so a uint64 above 2^63 or a float keeps every digit until a type is chosen. */
public record JsonNumber(String text) {

    public boolean isInteger() {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.' || c == 'e' || c == 'E') {
                return false;
            }
        }
        return true;
    }

    public double doubleValue() {
        return Double.parseDouble(text);
    }

    @Override
    public String toString() {
        return text;
    }
}
