package org.citytwin.flood;

/**
 * The water budget of a run, all in cubic metres and summed in double precision. Storage is
 * computed from the depth field itself, so {@link #errorCubicMetres()} measures what the scheme
 * actually lost or created.
 *
 * @param rainCubicMetres rain that fell on active (non-wall) cells, uniform and by zone
 * @param inflowCubicMetres water from point and line inflows
 * @param boundaryInflowCubicMetres water that entered through staged edges, or that stage lines
 *     added to hold their level
 * @param outflowCubicMetres water that left through open or staged edges, or that stage lines
 *     removed to hold their level
 * @param initialStorageCubicMetres water on the grid at the start
 * @param finalStorageCubicMetres water on the grid at the end
 */
public record MassBalance(
    double rainCubicMetres,
    double inflowCubicMetres,
    double boundaryInflowCubicMetres,
    double outflowCubicMetres,
    double initialStorageCubicMetres,
    double finalStorageCubicMetres) {

  /** Everything that entered: rain, inflows and boundary inflow. */
  public double totalInCubicMetres() {
    return rainCubicMetres + inflowCubicMetres + boundaryInflowCubicMetres;
  }

  public double storageChangeCubicMetres() {
    return finalStorageCubicMetres - initialStorageCubicMetres;
  }

  /** {@code in - out - Δstorage}; zero for a conservative scheme. */
  public double errorCubicMetres() {
    return totalInCubicMetres() - outflowCubicMetres - storageChangeCubicMetres();
  }

  /**
   * The error relative to the larger of the water that entered and the initial storage (0 when both
   * are 0).
   */
  public double relativeError() {
    double scale = Math.max(totalInCubicMetres(), initialStorageCubicMetres);
    return scale > 0 ? errorCubicMetres() / scale : 0;
  }

  /** A human-readable report, one quantity per line. */
  public String report() {
    return String.format(
        java.util.Locale.ROOT,
        "rain_m3 %.6f%ninflow_m3 %.6f%nboundary_inflow_m3 %.6f%noutflow_m3 %.6f%n"
            + "initial_storage_m3 %.6f%nfinal_storage_m3 %.6f%nstorage_change_m3 %.6f%n"
            + "error_m3 %.6e%nrelative_error %.3e%n",
        rainCubicMetres,
        inflowCubicMetres,
        boundaryInflowCubicMetres,
        outflowCubicMetres,
        initialStorageCubicMetres,
        finalStorageCubicMetres,
        storageChangeCubicMetres(),
        errorCubicMetres(),
        relativeError());
  }
}
