package org.citytwin.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Seeded random filters written as CQL2 text by a small test-only printer (fully parenthesised,
 * random keyword case and spacing) must parse back to the same filter.
 */
class Cql2RoundTripTest {

  private static final String[] NAMES = {"a", "uro:depth", "x.y", "and", "with space", "h\"q"};
  private static final String[] TEXTS = {"", "x", "it's", "''", "%_\\", "DROP TABLE t; --", "東京"};

  @Test
  void randomFiltersSurviveTextAndBack() throws Cql2SyntaxException {
    Random random = new Random(20_240_601);
    for (int i = 0; i < 2_000; i++) {
      Filter filter = filter(random, 4);
      String text = print(filter, random);
      assertEquals(filter, Cql2Parser.parse(text), text);
    }
  }

  private static Filter filter(Random random, int depth) {
    int choice = random.nextInt(depth > 0 ? 10 : 6);
    String name = NAMES[random.nextInt(NAMES.length)];
    return switch (choice) {
      case 0 ->
          new Filter.Compare(name, Filter.Operator.values()[random.nextInt(6)], literal(random));
      case 1 -> new Filter.Between(name, Literal.of(number(random)), Literal.of(number(random)));
      case 2 -> new Filter.In(name, List.of(literal(random), literal(random)));
      case 3 -> new Filter.Like(name, TEXTS[random.nextInt(TEXTS.length)] + "%");
      case 4 -> new Filter.IsNull(name);
      case 5 -> new Filter.BboxIntersects(-1 - random.nextInt(5), -1, random.nextInt(5), 1.5);
      case 6 -> new Filter.Not(filter(random, depth - 1));
      case 7 -> random.nextBoolean() ? Filter.all() : Filter.or();
      default -> junction(random, depth, choice == 8);
    };
  }

  private static Filter junction(Random random, int depth, boolean and) {
    List<Filter> parts = new ArrayList<>();
    for (int n = 2 + random.nextInt(3); n > 0; n--) {
      parts.add(filter(random, depth - 1));
    }
    return and ? new Filter.And(parts) : new Filter.Or(parts);
  }

  private static Literal literal(Random random) {
    return random.nextBoolean()
        ? Literal.of(number(random))
        : Literal.of(TEXTS[random.nextInt(TEXTS.length)]);
  }

  private static double number(Random random) {
    return switch (random.nextInt(3)) {
      case 0 -> random.nextInt(200) - 100;
      case 1 -> random.nextGaussian() * 1e6;
      default -> random.nextDouble() * 1e-9;
    };
  }

  private static String print(Filter filter, Random random) {
    String sp = random.nextBoolean() ? " " : " \n\t ";
    if (filter instanceof Filter.And and) {
      return and.filters().isEmpty()
          ? kw("TRUE", random)
          : join(and.filters(), sp + kw("AND", random) + sp, random);
    }
    if (filter instanceof Filter.Or or) {
      return or.filters().isEmpty()
          ? kw("false", random)
          : join(or.filters(), sp + kw("or", random) + sp, random);
    }
    if (filter instanceof Filter.Not not) {
      return kw("NOT", random) + " (" + print(not.filter(), random) + ")";
    }
    if (filter instanceof Filter.BboxIntersects box) {
      return String.format(
          Locale.ROOT,
          "S_INTERSECTS(geometry, BBOX(%s, %s, %s, %s))",
          box.minLon(),
          box.minLat(),
          box.maxLon(),
          box.maxLat());
    }
    return predicate(filter, sp, random);
  }

  private static String predicate(Filter filter, String sp, Random random) {
    if (filter instanceof Filter.Compare c) {
      return name(c.attribute()) + sp + op(c.op()) + sp + literal(c.value());
    }
    if (filter instanceof Filter.Between b) {
      return name(b.attribute())
          + sp
          + kw("BETWEEN", random)
          + sp
          + literal(b.low())
          + sp
          + kw("AND", random)
          + sp
          + literal(b.high());
    }
    if (filter instanceof Filter.In in) {
      String values =
          in.values().stream().map(Cql2RoundTripTest::literal).collect(Collectors.joining(","));
      return name(in.attribute()) + sp + kw("IN", random) + "(" + values + ")";
    }
    if (filter instanceof Filter.Like like) {
      return name(like.attribute()) + " " + kw("LIKE", random) + " " + quote(like.pattern());
    }
    if (filter instanceof Filter.IsNull isNull) {
      return name(isNull.attribute()) + " IS NULL";
    }
    throw new AssertionError("not generated: " + filter);
  }

  private static String join(List<Filter> parts, String separator, Random random) {
    return parts.stream()
        .map(part -> "(" + print(part, random) + ")")
        .collect(Collectors.joining(separator));
  }

  private static String kw(String keyword, Random random) {
    return random.nextBoolean()
        ? keyword.toUpperCase(Locale.ROOT)
        : keyword.toLowerCase(Locale.ROOT);
  }

  private static String name(String attribute) {
    return "\"" + attribute.replace("\"", "\"\"") + "\"";
  }

  private static String literal(Literal literal) {
    return literal instanceof Literal.NumberLiteral n
        ? Double.toString(n.value())
        : quote(((Literal.TextLiteral) literal).value());
  }

  private static String quote(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  private static String op(Filter.Operator op) {
    return switch (op) {
      case EQ -> "=";
      case NE -> "<>";
      case LT -> "<";
      case LE -> "<=";
      case GT -> ">";
      case GE -> ">=";
    };
  }
}
