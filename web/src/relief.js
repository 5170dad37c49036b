// The relief (terrain TIN) tileset, shown under the buildings when the store has relief, with a
// checkbox to hide it. The server only has a relief tileset when the store holds relief objects,
// so the viewer asks the collection list first: a plain request for a missing tileset would be a
// 404 that the browser reports as an error in its console.
import * as Cesium from "cesium";

const TILESET = "tiles/3d/relief/tileset.json";
const COLLECTIONS = "api/collections?f=json";

/**
 * Adds the relief tileset to the scene when the store has one, moved by the same matrix as the
 * buildings (so the two stay aligned on the globe), with a "Relief" checkbox in `controls`.
 * Returns { state: "absent" | "shown", tileset }; onToggle(shown) hears the checkbox.
 * A store without relief, or a tileset that cannot be read, leaves the viewer as it was.
 */
export async function addRelief(scene, modelMatrix, controls, onToggle) {
  const status = { state: "absent", tileset: null };
  if (!(await storeHasRelief())) {
    return status;
  }
  const response = await fetch(TILESET);
  if (!response.ok) {
    return status; // relief objects without surfaces: nothing to draw
  }
  const tileset = await Cesium.Cesium3DTileset.fromUrl(TILESET);
  tileset.modelMatrix = modelMatrix;
  // A muted earth colour, so buildings coloured by attribute stand out against the ground.
  tileset.style = new Cesium.Cesium3DTileStyle({ color: "color('#b9ad94')" });
  scene.primitives.add(tileset);
  status.tileset = tileset;
  status.state = "shown";
  controls.append(toggle((shown) => {
    tileset.show = shown;
    status.state = shown ? "shown" : "hidden";
    onToggle(shown);
    scene.requestRender();
  }));
  return status;
}

async function storeHasRelief() {
  const response = await fetch(COLLECTIONS, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    return false;
  }
  const body = await response.json();
  return (body.collections ?? []).some((collection) => collection.id === "relief");
}

function toggle(onChange) {
  const label = document.createElement("label");
  label.className = "relief-toggle";
  const box = document.createElement("input");
  box.type = "checkbox";
  box.id = "show-relief";
  box.checked = true;
  box.addEventListener("change", () => onChange(box.checked));
  label.append(box, " Relief (terrain)");
  return label;
}
