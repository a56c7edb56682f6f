package org.dnstracer.findings;

import org.dnstracer.render.FindingsBlock;

/** The printed line of one finding, for assertions. */
final class FindingsBlockText {
    private FindingsBlockText() {}

    static String of(Finding f) {
        return FindingsBlock.line(f);
    }
}
