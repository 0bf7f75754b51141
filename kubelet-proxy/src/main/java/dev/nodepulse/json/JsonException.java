package dev.nodepulse.json;

/** Malformed JSON, or JSON whose shape does not fit the type being decoded; the message says where. */
public class JsonException extends Exception {

    public JsonException(String message) {
        super(message);
    }
}
