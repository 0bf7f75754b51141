package dev.nodepulse.cli;

/** A command line the agent cannot run with: reported as one line and exit status 2. */
public class FlagException extends Exception {

    public FlagException(String message) {
        super(message);
    }
}
