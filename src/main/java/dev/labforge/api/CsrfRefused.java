package dev.labforge.api;

/** A state-changing request carried a session cookie but not the session's CSRF token: it may be forged. */
public class CsrfRefused extends ProblemException {

    public CsrfRefused() {
        super(ProblemType.CSRF_REFUSED, "a change made with the web page's session needs its CSRF token in the "
                + "X-CSRF-Token header (or the form's _csrf field): reload the page and try again");
    }
}
