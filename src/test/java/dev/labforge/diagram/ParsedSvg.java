package dev.labforge.diagram;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** A rendered diagram read back with the JDK's XML parser, and the parts tests look at. */
final class ParsedSvg {

    static final String SVG_NS = "http://www.w3.org/2000/svg";

    /** A node box as drawn: its centre and size. */
    record Box(String name, double x, double y, double width, double height) {

        /** The clear space between two boxes along whichever axis separates them best; negative if they overlap. */
        double gapTo(Box other) {
            double gapX = Math.abs(x - other.x) - (width + other.width) / 2;
            double gapY = Math.abs(y - other.y) - (height + other.height) / 2;
            return Math.max(gapX, gapY);
        }
    }

    /** An upright rectangle on the canvas, by its corners; {@code what} says what it is, for messages. */
    record Rect(String what, double left, double top, double right, double bottom) {

        /** Whether the two share some area; touching edges do not count. */
        boolean overlaps(Rect other) {
            return left < other.right - 0.05 && other.left < right - 0.05
                    && top < other.bottom - 0.05 && other.top < bottom - 0.05;
        }

        double width() {
            return right - left;
        }

        double height() {
            return bottom - top;
        }
    }

    final Document document;

    private ParsedSvg(Document document) {
        this.document = document;
    }

    /** Parses strictly (namespace aware, no external entities): throws if the output is not well-formed XML. */
    static ParsedSvg parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return new ParsedSvg(factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))));
    }

    Element root() {
        return document.getDocumentElement();
    }

    /** Elements whose class attribute lists {@code cssClass}, in document order. */
    List<Element> withClass(String cssClass) {
        List<Element> found = new ArrayList<>();
        NodeList all = document.getElementsByTagNameNS(SVG_NS, "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (Arrays.asList(element.getAttribute("class").split(" ")).contains(cssClass)) {
                found.add(element);
            }
        }
        return found;
    }

    List<Element> nodes() {
        return withClass("node");
    }

    /** The boxes of shared segments. */
    List<Element> segments() {
        return withClass("segment");
    }

    List<Element> links() {
        return withClass("link");
    }

    List<String> texts(String cssClass) {
        return withClass(cssClass).stream().map(Element::getTextContent).toList();
    }

    /** The text content of every {@code text} element, anywhere. */
    List<String> allTexts() {
        NodeList all = document.getElementsByTagNameNS(SVG_NS, "text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            texts.add(all.item(i).getTextContent());
        }
        return texts;
    }

    /** The view box: left, top, width, height. */
    double[] viewBox() {
        return Arrays.stream(root().getAttribute("viewBox").split(" ")).mapToDouble(Double::parseDouble).toArray();
    }

    /** Every box drawn: the nodes', and those standing for missing nodes. */
    List<Rect> boxRects() {
        List<Rect> rects = new ArrayList<>();
        for (Box box : boxes()) {
            rects.add(new Rect("node " + box.name(), box.x() - box.width() / 2, box.y() - box.height() / 2,
                    box.x() + box.width() / 2, box.y() + box.height() / 2));
        }
        for (Box box : boxes(segments())) {
            rects.add(new Rect("segment " + box.name(), box.x() - box.width() / 2, box.y() - box.height() / 2,
                    box.x() + box.width() / 2, box.y() + box.height() / 2));
        }
        for (Box box : boxes(withClass("ghost"))) {
            rects.add(new Rect("missing " + box.name(), box.x() - box.width() / 2, box.y() - box.height() / 2,
                    box.x() + box.width() / 2, box.y() + box.height() / 2));
        }
        return rects;
    }

    /** Every label on a link: interface pills, and MTU captions measured as the diagram measures text. */
    List<Rect> labelRects() {
        List<Rect> rects = new ArrayList<>();
        for (Element pill : withClass("iface-pill")) {
            double x = Double.parseDouble(pill.getAttribute("x"));
            double y = Double.parseDouble(pill.getAttribute("y"));
            rects.add(new Rect("pill " + nextElement(pill).getTextContent(), x, y,
                    x + Double.parseDouble(pill.getAttribute("width")), y + Double.parseDouble(pill.getAttribute("height"))));
        }
        for (Element mtu : withClass("mtu")) {
            double x = Double.parseDouble(mtu.getAttribute("x"));
            double baseline = Double.parseDouble(mtu.getAttribute("y"));
            double half = TextWidth.of(mtu.getTextContent(), Caption.FONT_SIZE, false) / 2;
            rects.add(new Rect("caption " + mtu.getTextContent(), x - half, baseline - Caption.FONT_SIZE,
                    x + half, baseline + Caption.FONT_SIZE * 0.25));
        }
        return rects;
    }

    private static Element nextElement(Element element) {
        org.w3c.dom.Node next = element.getNextSibling();
        while (!(next instanceof Element)) {
            next = next.getNextSibling();
        }
        return (Element) next;
    }

    /** The corners of a link's line, from its path's {@code M x y L x y ...}. */
    static List<double[]> points(Element link) {
        String d = ((Element) link.getElementsByTagNameNS(SVG_NS, "path").item(0)).getAttribute("d");
        List<double[]> points = new ArrayList<>();
        for (String point : d.substring(1).split(" L")) {
            String[] xy = point.strip().split(" ");
            points.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
        }
        return points;
    }

    /** The link whose {@code data-link} is {@code a--b} or {@code b--a}, for endpoints written {@code node:iface}. */
    Element link(String a, String b) {
        return links().stream().filter(l -> l.getAttribute("data-link").equals(a + "--" + b)
                || l.getAttribute("data-link").equals(b + "--" + a)).findFirst().orElseThrow();
    }

    List<Box> boxes() {
        return boxes(nodes());
    }

    private static List<Box> boxes(List<Element> groups) {
        List<Box> boxes = new ArrayList<>();
        for (Element node : groups) {
            String transform = node.getAttribute("transform");
            String[] xy = transform.substring("translate(".length(), transform.length() - 1).split(" ");
            Element rect = (Element) node.getElementsByTagNameNS(SVG_NS, "rect").item(0);
            String name = node.hasAttribute("data-segment") ? node.getAttribute("data-segment")
                    : node.getAttribute("data-node");
            boxes.add(new Box(name, Double.parseDouble(xy[0]), Double.parseDouble(xy[1]),
                    Double.parseDouble(rect.getAttribute("width")), Double.parseDouble(rect.getAttribute("height"))));
        }
        return boxes;
    }

    Box box(String name) {
        return boxes().stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
    }

    /** The smallest clear space between any two node boxes. */
    double smallestGap() {
        List<Box> boxes = boxes();
        double smallest = Double.MAX_VALUE;
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                smallest = Math.min(smallest, boxes.get(i).gapTo(boxes.get(j)));
            }
        }
        return smallest;
    }
}
