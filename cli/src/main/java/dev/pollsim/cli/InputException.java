package dev.pollsim.cli;

/** Bad command-line input that picocli itself cannot catch (a file that cannot be written). */
final class InputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InputException(String message) {
        super(message);
    }
}
