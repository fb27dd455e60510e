// The Zalo stand-in's page: a citizen's chat and every officer's chat, side by side.
// Plain JavaScript on the stand-in's control API only (no CDN: the stack runs offline).
// Reads GET /_standin/directory once and polls GET /_standin/timeline every second;
// everyone "writes" through POST /_standin/users/{id}/send, as a Zalo user of the OA.
"use strict";

const POLL_MS = 1000;
// Five-character codes (older tips) and six (shared/core/refcode.py); whole codes only.
const REF = /\bTB-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5,6}\b/g;
const ROLE_LABELS = {
  duty_officer: "Cán bộ trực",
  duty_commander: "Chỉ huy trực",
  chief: "Trưởng Công an",
  desk: "Trực ban",
};

const state = {
  epoch: null,
  last: 0,
  officers: new Map(), // zalo_user_id -> {info, column, log}
  citizenIds: new Set(),
  rendered: new Map(), // seq -> element
  byUser: new Map(), // user_id -> [message]
  failures: 0,
};

const $ = (selector, root = document) => root.querySelector(selector);

function citizenId() {
  return $("#citizen-id").value.trim();
}

function randomCitizen() {
  const digits = Array.from(crypto.getRandomValues(new Uint8Array(4)), (b) => b % 10).join("");
  return `demo-citizen-${digits}`;
}

function setStatus(ok, text) {
  const status = $("#status");
  status.dataset.state = ok ? "ok" : "error";
  status.textContent = text;
}

async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: body ? { "Content-Type": "application/json" } : {},
    body: body ? JSON.stringify(body) : undefined,
    cache: "no-store",
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(data.error || `HTTP ${response.status}`);
  }
  return data;
}

// --- sending ----------------------------------------------------------------

async function send(userId, body) {
  if (!userId) {
    setStatus(false, "Chưa có mã Zalo của người gửi");
    return null;
  }
  try {
    const result = await api("POST", `/_standin/users/${encodeURIComponent(userId)}/send`, body);
    if (!result.delivered) {
      const why = result.status ? `webhook trả HTTP ${result.status}` : "webhook không trả lời";
      setStatus(false, `Chưa chuyển được tin (${why}); stand-in sẽ gửi lại như Zalo`);
    }
    await poll();
    return result;
  } catch (error) {
    setStatus(false, `Không gửi được: ${error.message}`);
    return null;
  }
}

function wireCitizen() {
  const input = $("#citizen-id");
  const fromUrl = new URLSearchParams(location.search).get("citizen");
  input.value = fromUrl || sessionStorage.getItem("citizen") || randomCitizen();
  const remember = () => {
    sessionStorage.setItem("citizen", citizenId());
    renderCitizen();
  };
  input.addEventListener("change", remember);
  $("#new-citizen").addEventListener("click", () => {
    input.value = randomCitizen();
    remember();
  });
  remember();

  $("#citizen-text").addEventListener("submit", async (event) => {
    event.preventDefault();
    const area = event.target.elements.text;
    const text = area.value.trim();
    if (!text) return;
    if (await send(citizenId(), { text })) area.value = "";
  });
  $("#citizen-text textarea").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      $("#citizen-text").requestSubmit();
    }
  });
  $("#citizen-location").addEventListener("submit", async (event) => {
    event.preventDefault();
    const { lat, lng } = event.target.elements;
    const la = lat.value.trim().replace(",", ".");
    const ln = lng.value.trim().replace(",", ".");
    if (!isFinite(parseFloat(la)) || !isFinite(parseFloat(ln))) {
      setStatus(false, "Vĩ độ và kinh độ phải là số");
      return;
    }
    await send(citizenId(), { location: { lat: la, lng: ln } });
  });
  $("#citizen-image").addEventListener("submit", async (event) => {
    event.preventDefault();
    const { url, caption } = event.target.elements;
    if (!url.value.trim()) return;
    const body = { image: { url: url.value.trim() }, text: caption.value.trim() };
    if (await send(citizenId(), body)) {
      url.value = "";
      caption.value = "";
    }
  });
}

function wirePresets(wards) {
  const box = $("#ward-presets");
  box.replaceChildren();
  for (const ward of wards) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "preset";
    button.dataset.ward = ward.code;
    button.textContent = `P. ${ward.name}`;
    button.title = `${ward.lat}, ${ward.lng}`;
    button.addEventListener("click", () => {
      const form = $("#citizen-location");
      form.elements.lat.value = ward.lat;
      form.elements.lng.value = ward.lng;
    });
    box.append(button);
  }
}

// --- officers -----------------------------------------------------------------

function buildOfficers(officers) {
  const columns = $("#officer-columns");
  const template = $("#officer-template");
  const filter = $("#officer-filter");
  const units = new Map();
  for (const info of officers) {
    const node = template.content.firstElementChild.cloneNode(true);
    node.dataset.user = info.zalo_user_id;
    node.dataset.unit = info.unit_id;
    $(".name", node).textContent = info.name;
    $(".meta", node).textContent = [ROLE_LABELS[info.role] || info.role, info.unit_name]
      .filter(Boolean)
      .join(" · ");
    $(".officer-head", node).title = info.zalo_user_id;
    const form = $(".officer-command", node);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const input = form.elements.text;
      const text = input.value.trim();
      if (!text) return;
      if (await send(info.zalo_user_id, { text })) input.value = "";
    });
    columns.append(node);
    state.officers.set(info.zalo_user_id, { info, column: node, log: $(".log", node) });
    if (info.unit_id) units.set(info.unit_id, info.unit_name || info.unit_id);
  }
  for (const [id, name] of units) {
    const option = document.createElement("option");
    option.value = `unit:${id}`;
    option.textContent = name;
    filter.append(option);
  }
  filter.value = officers.length > 6 ? "active" : "all";
  filter.addEventListener("change", applyFilter);
  applyFilter();
}

function applyFilter() {
  const mode = $("#officer-filter").value;
  let shown = 0;
  for (const [id, officer] of state.officers) {
    const visible =
      mode === "all" ||
      (mode === "active" && (state.byUser.get(id) || []).length > 0) ||
      (mode.startsWith("unit:") && officer.info.unit_id === mode.slice(5));
    officer.column.hidden = !visible;
    if (visible) shown += 1;
  }
  const hint = $("#officer-hint");
  if (!state.officers.size) {
    hint.textContent = "Stand-in chưa có danh sách cán bộ (POST /_standin/directory).";
  } else if (!shown && mode === "active") {
    hint.textContent = "Chưa có cán bộ nào nhận hay gửi tin. Chọn «Tất cả cán bộ» để xem cả danh sách.";
  } else {
    hint.textContent = `${shown} / ${state.officers.size} cán bộ`;
  }
}

// --- rendering ------------------------------------------------------------------

function timeOf(iso) {
  const at = new Date(iso);
  return isNaN(at) ? "" : at.toLocaleTimeString("vi-VN", { timeZone: "Asia/Ho_Chi_Minh" });
}

function deliveryNote(message) {
  if (message.delivered === undefined) return "";
  if (message.delivered) return "✓ đã chuyển tới webhook";
  if (!message.attempts) return "… đang gửi";
  const why = message.status ? `HTTP ${message.status}` : "không trả lời";
  return `✗ webhook ${why} · đã thử ${message.attempts} lần`;
}

function quickCommands(userId, text) {
  const refs = [...new Set(text.match(REF) || [])];
  if (!refs.length || !state.officers.has(userId)) return null;
  const box = document.createElement("div");
  box.className = "quick";
  const input = $(".officer-command input", state.officers.get(userId).column);
  for (const ref of refs) {
    const take = document.createElement("button");
    take.type = "button";
    take.textContent = `NHẬN ${ref}`;
    take.dataset.command = `NHAN ${ref}`;
    take.addEventListener("click", () => send(userId, { text: `NHAN ${ref}` }));
    box.append(take);
    for (const [label, keyword] of [
      ["XONG", "XONG"],
      ["GHI", "GHI"],
      ["CHUYỂN", "CHUYEN"],
      ["KHÔNG", "KHONG"],
    ]) {
      const fill = document.createElement("button");
      fill.type = "button";
      fill.textContent = `${label}…`;
      fill.title = "Điền lệnh, thêm ghi chú rồi gửi";
      fill.addEventListener("click", () => {
        input.value = `${keyword} ${ref} `;
        input.focus();
      });
      box.append(fill);
    }
  }
  return box;
}

function oaButtons(userId, message) {
  const buttons = message.attachment?.payload?.buttons;
  if (!Array.isArray(buttons) || !buttons.length) return null;
  const box = document.createElement("div");
  box.className = "oa-buttons";
  for (const item of buttons) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = item.title;
    // oa.query.show / oa.query.hide come back to the OA as the user's text.
    if (String(item.type).startsWith("oa.query")) {
      button.addEventListener("click", () => send(userId, { text: String(item.payload) }));
    } else {
      button.disabled = true;
      button.title = `${item.type}: không mô phỏng`;
    }
    box.append(button);
  }
  return box;
}

function renderMessage(message) {
  const item = document.createElement("li");
  item.className = `msg from-${message.from}`;
  item.dataset.seq = message.seq;
  const body = document.createElement("div");
  body.className = "body";
  if (message.location) {
    const loc = document.createElement("div");
    loc.className = "location";
    loc.textContent = `📍 Vị trí: ${message.location.lat}, ${message.location.lng}`;
    body.append(loc);
  }
  if (message.image) {
    const link = document.createElement("a");
    link.className = "image";
    link.href = message.image.url;
    link.target = "_blank";
    link.rel = "noreferrer";
    link.textContent = `🖼 Ảnh: ${message.image.url}`;
    body.append(link);
  }
  if (message.text) {
    const text = document.createElement("div");
    text.className = "text";
    text.textContent = message.text;
    body.append(text);
  }
  item.append(body);
  if (message.from === "oa") {
    const extras = [oaButtons(message.user_id, message), quickCommands(message.user_id, message.text || "")];
    for (const extra of extras) if (extra) item.append(extra);
  }
  const meta = document.createElement("div");
  meta.className = "meta";
  const who = message.from === "oa" ? "OA" : "Đã gửi";
  meta.textContent = [who, timeOf(message.at), deliveryNote(message)].filter(Boolean).join(" · ");
  item.append(meta);
  return item;
}

function logFor(userId) {
  if (state.officers.has(userId)) return state.officers.get(userId).log;
  if (userId === citizenId()) return $("#citizen-log");
  return null;
}

function place(message) {
  const old = state.rendered.get(message.seq);
  const node = renderMessage(message);
  if (old) {
    old.replaceWith(node);
  } else {
    const log = logFor(message.user_id);
    if (!log) return;
    log.append(node);
    log.scrollTop = log.scrollHeight;
  }
  state.rendered.set(message.seq, node);
}

function renderCitizen() {
  const log = $("#citizen-log");
  for (const node of log.children) state.rendered.delete(Number(node.dataset.seq));
  log.replaceChildren();
  for (const message of state.byUser.get(citizenId()) || []) place(message);
}

function updateCitizenList() {
  const list = $("#known-citizens");
  const known = [...state.citizenIds].sort();
  if (list.children.length === known.length) return;
  list.replaceChildren(
    ...known.map((id) => {
      const option = document.createElement("option");
      option.value = id;
      return option;
    }),
  );
}

function clearAll() {
  state.rendered.clear();
  state.byUser.clear();
  state.citizenIds.clear();
  state.last = 0;
  for (const officer of state.officers.values()) officer.log.replaceChildren();
  $("#citizen-log").replaceChildren();
}

// --- polling ----------------------------------------------------------------------

let polling = null;

async function poll() {
  // One request at a time: a send triggers a poll, the timer another.
  if (polling) return polling;
  polling = (async () => {
    try {
      const data = await api("GET", `/_standin/timeline?after=${state.last}`);
      if (state.epoch !== data.epoch) {
        // The stand-in was reset (or this is the first answer): start over from seq 0.
        const known = state.epoch !== null;
        state.epoch = data.epoch;
        if (known) {
          clearAll();
          return;
        }
      }
      let officersChanged = false;
      for (const message of data.messages) {
        const list = state.byUser.get(message.user_id) || [];
        const index = list.findIndex((m) => m.seq === message.seq);
        if (index >= 0) list[index] = message;
        else list.push(message);
        state.byUser.set(message.user_id, list);
        if (state.officers.has(message.user_id)) officersChanged = true;
        else state.citizenIds.add(message.user_id);
        place(message);
      }
      state.last = Math.max(state.last, data.last);
      if (officersChanged) applyFilter();
      updateCitizenList();
      state.failures = 0;
      setStatus(true, `Đã kết nối · ${state.last} tin`);
    } catch (error) {
      state.failures += 1;
      setStatus(false, `Mất kết nối với stand-in (${error.message})`);
    } finally {
      polling = null;
    }
  })();
  return polling;
}

async function start() {
  wireCitizen();
  try {
    const directory = await api("GET", "/_standin/directory");
    $("#oa").textContent = `OA ${directory.oa_id}`;
    wirePresets(directory.wards || []);
    buildOfficers(directory.officers || []);
  } catch (error) {
    setStatus(false, `Không đọc được danh sách cán bộ (${error.message})`);
  }
  await poll();
  setInterval(poll, POLL_MS);
}

start();
