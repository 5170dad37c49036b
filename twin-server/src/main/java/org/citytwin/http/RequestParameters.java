package org.citytwin.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.Set;

/**
 * Validated access to a request's query parameters: unknown names are refused (a typo must not be
 * silently ignored), each value is parsed once with a message naming the parameter and the reason.
 */
public final class RequestParameters {
  static final int MAX_VALUE_LENGTH = 65_536;

  private final Context ctx;

  private RequestParameters(Context ctx) {
    this.ctx = ctx;
  }

  /** Checks that only {@code allowed} parameters are present, each at most once. */
  public static RequestParameters of(Context ctx, Set<String> allowed) {
    for (var entry : ctx.queryParamMap().entrySet()) {
      String name = entry.getKey();
      if (!allowed.contains(name)) {
        throw HttpProblem.badParameter(
            name, "unknown parameter '" + name + "'; this resource accepts " + sorted(allowed));
      }
      if (entry.getValue().size() > 1) {
        throw HttpProblem.badParameter(name, "parameter '" + name + "' is given more than once");
      }
      if (entry.getValue().get(0).length() > MAX_VALUE_LENGTH) {
        throw HttpProblem.tooLarge(
            name, "parameter '" + name + "' is longer than " + MAX_VALUE_LENGTH + " characters");
      }
    }
    return new RequestParameters(ctx);
  }

  private static List<String> sorted(Set<String> names) {
    return names.stream().sorted().toList();
  }

  /** The names of the parameters present. */
  public Set<String> names() {
    return ctx.queryParamMap().keySet();
  }

  /** The raw value, or null when absent. */
  public String text(String name) {
    String value = ctx.queryParam(name);
    return value == null || value.isEmpty() ? null : value;
  }

  public int integer(String name, int defaultValue, int min, int max) {
    String value = text(name);
    if (value == null) {
      return defaultValue;
    }
    long parsed;
    try {
      parsed = Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw HttpProblem.badParameter(name, name + " must be a whole number, was '" + value + "'");
    }
    if (parsed < min || parsed > max) {
      throw HttpProblem.badParameter(
          name, name + " must be between " + min + " and " + max + ", was " + parsed);
    }
    return (int) parsed;
  }

  /** Comma-separated numbers, exactly one of the {@code counts} many. */
  public double[] numbers(String name, int... counts) {
    String value = text(name);
    if (value == null) {
      return null;
    }
    String[] parts = value.split(",", -1);
    boolean countOk = false;
    for (int count : counts) {
      countOk |= parts.length == count;
    }
    if (!countOk) {
      throw HttpProblem.badParameter(
          name,
          name + " needs " + describe(counts) + " comma-separated numbers, got " + parts.length);
    }
    double[] numbers = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        numbers[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw HttpProblem.badParameter(
            name, name + " value " + (i + 1) + " is not a number: '" + parts[i] + "'");
      }
      if (!Double.isFinite(numbers[i])) {
        throw HttpProblem.badParameter(name, name + " value " + (i + 1) + " must be finite");
      }
    }
    return numbers;
  }

  private static String describe(int[] counts) {
    if (counts.length == 1) {
      return Integer.toString(counts[0]);
    }
    return counts[0] + " or " + counts[1];
  }

  /** A comma-separated list of names, or an empty list when absent. */
  public List<String> list(String name) {
    String value = text(name);
    if (value == null) {
      return List.of();
    }
    return List.of(value.split(",")).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
