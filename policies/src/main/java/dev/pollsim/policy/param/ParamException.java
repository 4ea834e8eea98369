package dev.pollsim.policy.param;

/** A policy parameter that is unknown, malformed or out of range. */
public final class ParamException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String param;

    public ParamException(String param, String message) {
        super(message);
        this.param = param;
    }

    /** The parameter at fault. */
    public String param() {
        return param;
    }
}
