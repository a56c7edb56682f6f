package org.dnstracer.interop;

/**
 * One question to a zone of the real-signers lab: {@code name} (absolute, no trailing dot) and {@code type};
 * {@code zone} the signed zone it is asked in, {@code signer} and {@code mode} as in that zone's zones.list line.
 */
record SignedQuestion(String name, String type, QuestionKind kind, String zone, String signer, String mode) {
    @Override
    public String toString() {
        return name + " " + type + " (" + kind + ", " + signer + " " + mode + ")";
    }
}
