package org.dnstracer.interop;

/** One element that only one of the two tracers has, in one of the compared sets. */
record Difference(Aspect aspect, Side side, Object item) {

    enum Aspect { START, VISITED, AUTHORITATIVE, VERDICT, OVERVIEW }

    enum Side { ONLY_CLASSIC, ONLY_OURS }

    @Override
    public String toString() {
        return aspect + " " + side + ": " + item;
    }
}
