package org.citytwin.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.citytwin.model.CityObjectType;
import org.citytwin.query.Cql2Token.Kind;

/**
 * Reads a filter in the OGC CQL2 text encoding (OGC 21-065: Basic CQL2, Advanced Comparison
 * Operators and Basic Spatial Functions with {@code S_INTERSECTS}) into a {@link Filter}.
 *
 * <pre>
 * filter     = or END
 * or         = and { OR and }
 * and        = not { AND not }
 * not        = NOT not | primary
 * primary    = "(" or ")" | TRUE | FALSE | S_INTERSECTS "(" geom "," geom ")" | predicate
 * predicate  = property ( op literal | [NOT] BETWEEN literal AND literal
 *                       | [NOT] IN "(" literal { "," literal } ")" | [NOT] LIKE string
 *                       | IS [NOT] NULL )
 * literal    = string | number | TRUE | FALSE | DATE "(" string ")" | TIMESTAMP "(" string ")"
 * </pre>
 *
 * <p>Keywords are case-insensitive; property names are case-sensitive and kept as written, so
 * {@code Height} is a generic attribute, not the fixed {@code height}. A keyword used as a property
 * name must be double-quoted. {@code TRUE} and {@code FALSE} as whole predicates are {@link
 * Filter#all()} and the empty {@link Filter.Or}; as values they are the texts {@code "true"} and
 * {@code "false"} (the model has no boolean literal, and source attributes spell booleans as text).
 * {@code DATE('2020-01-01')} and {@code TIMESTAMP('2020-01-01T00:00:00Z')} are checked and become
 * their text, which orders correctly as ISO 8601. LIKE patterns pass through unchanged: CQL2's
 * {@code %}, {@code _} and backslash escape are those of {@link Filter.Like}.
 *
 * <p>{@code type = 't'} and {@code type [NOT] IN (...)} become {@link Filter.TypeIn} (the store
 * answers it from the type column); other comparisons of {@code type} stay {@link Filter.Compare}.
 *
 * <p>{@code NOT} keeps the model's two-valued logic: {@code NOT (height > 10)} and {@code height
 * NOT BETWEEN 0 AND 10} also match objects without a height, unlike SQL; add {@code height IS NOT
 * NULL} where that matters. Spatial literals are described in {@link Cql2Spatial}.
 *
 * <p>{@link #parseCqlTextDraft} reads the text GDAL 3.x's OAPIF driver sends as {@code
 * filter-lang=cql-text} (the name of CQL text in the Part 3 drafts). It writes CQL2 text except in
 * two places, which that method reads its way: {@code ILIKE} (case-insensitive {@code LIKE}, not in
 * CQL2), and LIKE patterns without an escape character (GDAL translates OGR SQL, whose {@code LIKE}
 * has none unless {@code ESCAPE} is written, and then keeps the filter on the client), so a
 * backslash there is a literal backslash.
 *
 * <p>Hostile input is bounded: at most {@link #MAX_LENGTH_CHARS} characters and {@link
 * #MAX_NESTING_DEPTH} levels of parentheses and {@code NOT}, so parsing never overflows the stack.
 */
public final class Cql2Parser {

  /** The longest filter text accepted, in UTF-16 code units (64 KiB of ASCII). */
  public static final int MAX_LENGTH_CHARS = 64 * 1024;

  /** The deepest nesting of parentheses and {@code NOT} accepted. */
  public static final int MAX_NESTING_DEPTH = 100;

  private static final String TYPE = FixedAttribute.TYPE.attributeName();

  private static final Set<String> RESERVED =
      Set.of("and", "or", "not", "between", "in", "like", "is", "null", "true", "false");

  private final Cql2Lexer lexer;
  private final boolean draft;
  private int depth;

  private Cql2Parser(Cql2Lexer lexer, boolean draft) {
    this.lexer = lexer;
    this.draft = draft;
  }

  /**
   * Parses CQL2 text into a filter.
   *
   * @throws Cql2SyntaxException if the text is empty, too long, too deeply nested, not CQL2 this
   *     parser supports, or names a predicate the query model rejects
   */
  public static Filter parse(String text) throws Cql2SyntaxException {
    return parse(text, false);
  }

  /**
   * Parses the CQL text of the Part 3 drafts as GDAL 3.x writes it: CQL2 text plus {@code ILIKE},
   * with LIKE patterns that have no escape character (see the class comment).
   *
   * @throws Cql2SyntaxException as {@link #parse}
   */
  public static Filter parseCqlTextDraft(String text) throws Cql2SyntaxException {
    return parse(text, true);
  }

  private static Filter parse(String text, boolean draft) throws Cql2SyntaxException {
    Objects.requireNonNull(text, "CQL2 filter text");
    if (text.length() > MAX_LENGTH_CHARS) {
      throw new Cql2SyntaxException(
          MAX_LENGTH_CHARS,
          "the filter is " + text.length() + " characters long; the limit is " + MAX_LENGTH_CHARS);
    }
    if (text.isBlank()) {
      throw new Cql2SyntaxException(0, "the filter is empty");
    }
    Cql2Parser parser = new Cql2Parser(new Cql2Lexer(text), draft);
    Filter filter = parser.or();
    if (!parser.lexer.peek().is(Kind.END)) {
      throw parser.lexer.unexpected("expected AND, OR or the end of the filter");
    }
    return filter;
  }

  /**
   * Whether {@code name} reads as a property name without double quotes: an identifier that is not
   * a keyword. Clients that write names raw, such as GDAL 3.x, can only filter on those.
   */
  public static boolean isPlainPropertyName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (RESERVED.contains(lower)
        || lower.equals("ilike")
        || lower.equals(Cql2Spatial.INTERSECTS.toLowerCase(Locale.ROOT))) {
      return false;
    }
    try {
      Cql2Lexer lexer = new Cql2Lexer(name);
      Cql2Token token = lexer.next();
      return token.is(Kind.WORD) && token.value().equals(name) && lexer.peek().is(Kind.END);
    } catch (Cql2SyntaxException e) {
      return false;
    }
  }

  private Filter or() throws Cql2SyntaxException {
    List<Filter> terms = new ArrayList<>(List.of(and()));
    while (lexer.peek().isKeyword("OR")) {
      lexer.next();
      terms.add(and());
    }
    return terms.size() == 1 ? terms.get(0) : new Filter.Or(terms);
  }

  private Filter and() throws Cql2SyntaxException {
    List<Filter> terms = new ArrayList<>(List.of(not()));
    while (lexer.peek().isKeyword("AND")) {
      lexer.next();
      terms.add(not());
    }
    return terms.size() == 1 ? terms.get(0) : new Filter.And(terms);
  }

  private Filter not() throws Cql2SyntaxException {
    if (!lexer.peek().isKeyword("NOT")) {
      return primary();
    }
    enter(lexer.next());
    Filter negated = new Filter.Not(not());
    depth--;
    return negated;
  }

  private Filter primary() throws Cql2SyntaxException {
    Cql2Token token = lexer.peek();
    if (token.is(Kind.LEFT_PAREN)) {
      enter(lexer.next());
      Filter inner = or();
      expect(Kind.RIGHT_PAREN, "expected ')' to close the '(' at position " + token.start());
      depth--;
      return inner;
    }
    if (token.isKeyword("TRUE") || token.isKeyword("FALSE")) {
      lexer.next();
      return token.isKeyword("TRUE") ? Filter.all() : Filter.or();
    }
    if (token.isKeyword(Cql2Spatial.INTERSECTS)) {
      return Cql2Spatial.intersects(lexer);
    }
    boolean reserved = RESERVED.contains(token.value().toLowerCase(Locale.ROOT));
    if (token.is(Kind.QUOTED_IDENTIFIER) || (token.is(Kind.WORD) && !reserved)) {
      return predicate(lexer.next());
    }
    throw lexer.unexpected("expected a predicate" + lexer.afterPrevious());
  }

  private Filter predicate(Cql2Token property) throws Cql2SyntaxException {
    String attribute = property.value();
    Cql2Token token = lexer.peek();
    if (token.is(Kind.OPERATOR)) {
      lexer.next();
      Filter.Operator op = operator(token);
      Literal value = literal();
      return build(property, () -> compare(attribute, op, value));
    }
    if (token.isKeyword("IS")) {
      lexer.next();
      boolean negated = lexer.peek().isKeyword("NOT");
      if (negated) {
        lexer.next();
      }
      expectKeyword("NULL");
      Filter isNull = build(property, () -> new Filter.IsNull(attribute));
      return negated ? new Filter.Not(isNull) : isNull;
    }
    boolean negated = token.isKeyword("NOT");
    if (negated) {
      lexer.next();
    }
    Filter filter = negatable(property, negated);
    return negated ? new Filter.Not(filter) : filter;
  }

  /** The predicates that take a {@code NOT} between the property and the operator. */
  private Filter negatable(Cql2Token property, boolean negated) throws Cql2SyntaxException {
    String attribute = property.value();
    Cql2Token token = lexer.peek();
    if (token.isKeyword("BETWEEN")) {
      lexer.next();
      Literal low = literal();
      expectKeyword("AND");
      Literal high = literal();
      return build(property, () -> new Filter.Between(attribute, low, high));
    }
    if (token.isKeyword("IN")) {
      lexer.next();
      List<Literal> values = inList();
      return build(property, () -> in(attribute, values));
    }
    boolean ignoreCase = draft && token.isKeyword("ILIKE");
    if (token.isKeyword("LIKE") || ignoreCase) {
      lexer.next();
      String pattern = likePattern();
      return build(property, () -> new Filter.Like(attribute, pattern, ignoreCase));
    }
    String like = draft ? "LIKE, ILIKE" : "LIKE";
    String expected =
        negated
            ? "expected BETWEEN, IN or " + like
            : "expected a comparison operator, BETWEEN, IN, " + like + ", IS or NOT";
    throw lexer.unexpected(expected + lexer.afterPrevious());
  }

  private List<Literal> inList() throws Cql2SyntaxException {
    expect(Kind.LEFT_PAREN, "expected '(' to start the IN list");
    List<Literal> values = new ArrayList<>(List.of(literal()));
    while (lexer.peek().is(Kind.COMMA)) {
      lexer.next();
      values.add(literal());
    }
    expect(Kind.RIGHT_PAREN, "expected ',' or ')' in the IN list");
    return values;
  }

  private String likePattern() throws Cql2SyntaxException {
    Cql2Token token = lexer.peek();
    if (!token.is(Kind.STRING)) {
      throw lexer.unexpected("expected a pattern in single quotes after 'LIKE'");
    }
    lexer.next();
    String pattern = token.value();
    if (draft) {
      return pattern.replace("\\", "\\\\");
    }
    int backslashes = 0;
    while (backslashes < pattern.length()
        && pattern.charAt(pattern.length() - 1 - backslashes) == '\\') {
      backslashes++;
    }
    if (backslashes % 2 == 1) {
      throw new Cql2SyntaxException(
          token.end() - 2, "the LIKE pattern ends with a backslash that escapes nothing");
    }
    return pattern;
  }

  private Literal literal() throws Cql2SyntaxException {
    Cql2Token token = lexer.peek();
    if (token.is(Kind.STRING)) {
      lexer.next();
      return Literal.of(token.value());
    }
    if (token.is(Kind.NUMBER)) {
      lexer.next();
      return Literal.of(Double.parseDouble(token.value()));
    }
    if (token.isKeyword("TRUE") || token.isKeyword("FALSE")) {
      lexer.next();
      return Literal.of(token.value().toLowerCase(Locale.ROOT));
    }
    if (token.isKeyword("DATE") || token.isKeyword("TIMESTAMP")) {
      return instant();
    }
    throw lexer.unexpected("expected a literal" + lexer.afterPrevious());
  }

  /** {@code DATE('yyyy-mm-dd')} or {@code TIMESTAMP('yyyy-mm-ddThh:mm:ss[.s]Z')}, as its text. */
  private Literal instant() throws Cql2SyntaxException {
    boolean date = lexer.next().isKeyword("DATE");
    String name = date ? "DATE" : "TIMESTAMP";
    expect(Kind.LEFT_PAREN, "expected '(' after " + name);
    Cql2Token text = lexer.peek();
    if (!text.is(Kind.STRING)) {
      throw lexer.unexpected("expected the " + name + " in single quotes");
    }
    lexer.next();
    try {
      if (date) {
        LocalDate.parse(text.value());
      } else if (!text.value().endsWith("Z")) {
        throw new DateTimeParseException("not UTC", text.value(), 0);
      } else {
        Instant.parse(text.value());
      }
    } catch (DateTimeParseException e) {
      throw new Cql2SyntaxException(
          text.start(),
          "'"
              + text.value()
              + "' is not a "
              + (date ? "date as yyyy-mm-dd" : "UTC timestamp as yyyy-mm-ddThh:mm:ssZ"));
    }
    expect(Kind.RIGHT_PAREN, "expected ')' after the " + name + " text");
    return Literal.of(text.value());
  }

  private static Filter compare(String attribute, Filter.Operator op, Literal value) {
    if (attribute.equals(TYPE) && op == Filter.Operator.EQ) {
      return typeIn(List.of(value));
    }
    return new Filter.Compare(attribute, op, value);
  }

  private static Filter in(String attribute, List<Literal> values) {
    return attribute.equals(TYPE) ? typeIn(values) : new Filter.In(attribute, values);
  }

  private static Filter typeIn(List<Literal> values) {
    Set<CityObjectType> types = new LinkedHashSet<>();
    for (Literal value : values) {
      Literal id = FixedAttribute.checkComparable(TYPE, value);
      types.add(CityObjectType.parse(((Literal.TextLiteral) id).value()));
    }
    return new Filter.TypeIn(types);
  }

  private static Filter.Operator operator(Cql2Token token) {
    return switch (token.value()) {
      case "=" -> Filter.Operator.EQ;
      case "<>" -> Filter.Operator.NE;
      case "<" -> Filter.Operator.LT;
      case "<=" -> Filter.Operator.LE;
      case ">" -> Filter.Operator.GT;
      case ">=" -> Filter.Operator.GE;
      default -> throw new IllegalStateException("lexer produced operator " + token.value());
    };
  }

  /**
   * Builds a model value, reporting a rejection by the model (a text for a numeric attribute, an
   * unknown type) as a syntax error at {@code at}.
   */
  static Filter build(Cql2Token at, Supplier<Filter> factory) throws Cql2SyntaxException {
    try {
      return factory.get();
    } catch (IllegalArgumentException rejected) {
      throw new Cql2SyntaxException(at.start(), rejected.getMessage());
    }
  }

  private void enter(Cql2Token opening) throws Cql2SyntaxException {
    if (++depth > MAX_NESTING_DEPTH) {
      throw new Cql2SyntaxException(
          opening.start(),
          "the filter nests deeper than " + MAX_NESTING_DEPTH + " levels of parentheses and NOT");
    }
  }

  private void expect(Kind kind, String expectation) throws Cql2SyntaxException {
    lexer.expect(kind, expectation);
  }

  private void expectKeyword(String keyword) throws Cql2SyntaxException {
    if (!lexer.peek().isKeyword(keyword)) {
      throw lexer.unexpected("expected " + keyword + lexer.afterPrevious());
    }
    lexer.next();
  }
}
