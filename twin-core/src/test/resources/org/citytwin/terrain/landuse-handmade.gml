<?xml version="1.0" encoding="UTF-8"?>
<!--
  Hand-made for LandUseRoughnessTest (not PLATEAU data): no real CityGML sample with luse:LandUse
  was at hand. Four land-use parcels, one road and one water body near the Osaka sample, drawn as
  rectangles on a 12 x 10 grid of 10 m cells in JGD2011 zone VI (EPSG:6674) whose lower-left
  corner is x = -50400, y = -152600, with every edge a quarter cell (2.5 m) off the cell centres,
  then carried to JGD2011 lat/lon (EPSG:6697) to 1e-10 degrees. In grid metres from that corner
  (x from west, y from south):
    residential 211: x 2.5-62.5,   y 2.5-97.5
    forest 203:      x 62.5-117.5, y 2.5-37.5
    park 217:        x 22.5-42.5,  y 42.5-72.5 (inside the residential parcel)
    water 204:       x 62.5-117.5, y 52.5-97.5
    road:            x 0-120,      y 12.5-22.5 (crosses everything)
    water body:      x 82.5-97.5,  y 2.5-32.5 (crosses the road)
  The cells of row y 42.5-52.5 east of x 62.5 are covered by nothing. Class codes are those of the
  urban planning basic survey used by PLATEAU's luse:class.
-->
<core:CityModel xmlns:core="http://www.opengis.net/citygml/2.0"
    xmlns:gml="http://www.opengis.net/gml"
    xmlns:luse="http://www.opengis.net/citygml/landuse/2.0"
    xmlns:tran="http://www.opengis.net/citygml/transportation/2.0"
    xmlns:wtr="http://www.opengis.net/citygml/waterbody/2.0">
  <gml:boundedBy>
    <gml:Envelope srsName="http://www.opengis.net/def/crs/EPSG/0/6697" srsDimension="3">
      <gml:lowerCorner>34.6232 135.4503 0</gml:lowerCorner>
      <gml:upperCorner>34.6241 135.4517 0</gml:upperCorner>
    </gml:Envelope>
  </gml:boundedBy>
  <core:cityObjectMember>
    <luse:LandUse gml:id="luse_residential">
      <gml:name>residential</gml:name>
      <luse:class codeSpace="../../codelists/LandUse_class.xml">211</luse:class>
      <luse:lod1MultiSurface>
        <gml:MultiSurface><gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing>
            <gml:posList>34.6232068624 135.4503848995 0 34.6232098088 135.4510392091 0 34.6240662224 135.4510335691 0 34.6240632759 135.4503792528 0 34.6232068624 135.4503848995 0</gml:posList>
          </gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface>
      </luse:lod1MultiSurface>
    </luse:LandUse>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <luse:LandUse gml:id="luse_forest">
      <gml:name>forest</gml:name>
      <luse:class codeSpace="../../codelists/LandUse_class.xml">203</luse:class>
      <luse:lod1MultiSurface>
        <gml:MultiSurface><gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing>
            <gml:posList>34.6232098088 135.4510392091 0 34.6232125065 135.4516389930 0 34.6235280274 135.4516369174 0 34.6235253296 135.4510371312 0 34.6232098088 135.4510392091 0</gml:posList>
          </gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface>
      </luse:lod1MultiSurface>
    </luse:LandUse>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <luse:LandUse gml:id="luse_park">
      <gml:name>park</gml:name>
      <luse:class codeSpace="../../codelists/LandUse_class.xml">217</luse:class>
      <luse:lod1MultiSurface>
        <gml:MultiSurface><gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing>
            <gml:posList>34.6235684401 135.4506006261 0 34.6235694223 135.4508187302 0 34.6238398686 135.4508169485 0 34.6238388865 135.4505988436 0 34.6235684401 135.4506006261 0</gml:posList>
          </gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface>
      </luse:lod1MultiSurface>
    </luse:LandUse>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <luse:LandUse gml:id="luse_water">
      <gml:name>water surface</gml:name>
      <luse:class codeSpace="../../codelists/LandUse_class.xml">204</luse:class>
      <luse:lod1MultiSurface>
        <gml:MultiSurface><gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing>
            <gml:posList>34.6236605528 135.4510362407 0 34.6236632506 135.4516360278 0 34.6240689202 135.4516333591 0 34.6240662224 135.4510335691 0 34.6236605528 135.4510362407 0</gml:posList>
          </gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface>
      </luse:lod1MultiSurface>
    </luse:LandUse>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <tran:Road gml:id="tran_crossing">
      <tran:lod1MultiSurface>
        <gml:MultiSurface><gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing>
            <gml:posList>34.6232968884 135.4503570422 0 34.6233027779 135.4516656629 0 34.6233929267 135.4516650699 0 34.6233870372 135.4503564478 0 34.6232968884 135.4503570422 0</gml:posList>
          </gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface>
      </tran:lod1MultiSurface>
    </tran:Road>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <wtr:WaterBody gml:id="wtr_channel">
      <wtr:lod1MultiSurface>
        <gml:MultiSurface><gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing>
            <gml:posList>34.6232107901 135.4512573123 0 34.6232115259 135.4514208897 0 34.6234819723 135.4514191099 0 34.6234812365 135.4512555320 0 34.6232107901 135.4512573123 0</gml:posList>
          </gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface>
      </wtr:lod1MultiSurface>
    </wtr:WaterBody>
  </core:cityObjectMember>
</core:CityModel>
