"""QGIS as a client of the live twin, run by QgisClientTest with Debian's python3-qgis.

Arguments: the server's origin, a lon/lat box "minx,miny,maxx,maxy" and the PNG to write.
Reads the buildings collection through QGIS's OAPIF provider (all features, then those in the
box) and draws the vector tiles through the stable template {origin}/tiles/vector/{z}/{x}/{y}.mvt,
the URL a user pastes into QGIS's "New Generic Connection" dialog. Prints one JSON object.
"""
import json
import sys
import time

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsMapRendererSequentialJob,
    QgsMapSettings,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
    QgsVectorTileBasicRenderer,
    QgsVectorTileLayer,
)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

IMAGE_PIXELS = 400
BACKGROUND = QColor(255, 255, 255)


def features(origin, box):
    layer = QgsVectorLayer(f"url='{origin}/api' typename='buildings'", "buildings", "OAPIF")
    if not layer.isValid():
        return {"valid": False}
    in_box = QgsFeatureRequest().setFilterRect(box)
    return {
        "valid": True,
        "fields": [field.name() for field in layer.fields()],
        "count": sum(1 for _ in layer.getFeatures()),
        "countInBox": sum(1 for _ in layer.getFeatures(in_box)),
    }


def drawn_fraction(origin, box, png):
    # Not an f-string: QGIS fills {z}/{x}/{y} itself.
    template = origin + "/tiles/vector/{z}/{x}/{y}.mvt"
    layer = QgsVectorTileLayer(f"type=xyz&url={template}&zmin=12&zmax=16", "tiles")
    if not layer.isValid():
        return {"valid": False}
    # A plain style: QGIS 3.22 gives a new vector tile layer no symbols of its own.
    renderer = QgsVectorTileBasicRenderer()
    renderer.setStyles(
        QgsVectorTileBasicRenderer.simpleStyle(
            QColor(200, 0, 0), QColor(0, 0, 0), 0.3, QColor(0, 0, 200), 0.5,
            QColor(0, 200, 0), QColor(0, 0, 0), 2))
    layer.setRenderer(renderer)
    QgsProject.instance().addMapLayer(layer)
    web_mercator = QgsCoordinateReferenceSystem("EPSG:3857")
    to_map = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4326"), web_mercator, QgsProject.instance())
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(web_mercator)
    settings.setExtent(to_map.transformBoundingBox(box))
    settings.setOutputSize(QSize(IMAGE_PIXELS, IMAGE_PIXELS))
    settings.setBackgroundColor(BACKGROUND)
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    image.save(png)
    background = BACKGROUND.rgb()
    drawn = sum(
        1
        for x in range(IMAGE_PIXELS)
        for y in range(IMAGE_PIXELS)
        if image.pixel(x, y) != background)
    return {
        "valid": True,
        "errors": [error.message for error in job.errors()],
        "drawnFraction": drawn / (IMAGE_PIXELS * IMAGE_PIXELS),
    }


def main():
    origin, box_text, png = sys.argv[1:4]
    box = QgsRectangle(*(float(v) for v in box_text.split(",")))
    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    started = time.monotonic()
    read = features(origin, box)
    read["seconds"] = time.monotonic() - started
    started = time.monotonic()
    drawn = drawn_fraction(origin, box, png)
    drawn["seconds"] = time.monotonic() - started
    report = {"features": read, "vectorTiles": drawn}
    print(json.dumps(report), flush=True)


main()
