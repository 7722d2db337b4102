// Recipe 06: what the server's one timer pushes, as a live chart and a log.
const log = document.querySelector('#log');
const POINTS = 60; // the chart keeps the last minute at the default interval

/** One line in the page's log; peer text is always set as text, never as HTML. */
function show(direction, text) {
  const line = document.createElement('li');
  line.className = direction;
  const time = document.createElement('time');
  time.textContent = new Date().toLocaleTimeString();
  line.append(time, document.createTextNode(text));
  log.append(line);
  while (log.children.length > 200) log.firstElementChild.remove();
  line.scrollIntoView({ block: 'nearest' });
}

function socketUrl() {
  const url = new URL(location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.pathname = '/';
  url.search = '';
  url.hash = '';
  return url.href;
}

/** Two lines on one chart: clients on the left axis, heap in MB on the right. */
function newChart() {
  return new Chart(document.querySelector('#chart'), {
    type: 'line',
    data: {
      labels: [],
      datasets: [
        { label: 'clients', data: [], yAxisID: 'clients', stepped: true, borderColor: '#1e88e5' },
        { label: 'heap MB', data: [], yAxisID: 'heap', borderColor: '#43a047' },
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: {
        clients: { position: 'left', beginAtZero: true, ticks: { precision: 0 } },
        heap: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false } },
      },
    },
  });
}

const chart = newChart();

function plot(status) {
  chart.data.labels.push(`#${status.seq}`);
  chart.data.datasets[0].data.push(status.clients);
  chart.data.datasets[1].data.push(status.heapUsedMb);
  if (chart.data.labels.length > POINTS) {
    chart.data.labels.shift();
    chart.data.datasets.forEach((set) => set.data.shift());
  }
  chart.update();
  document.querySelector('#clients').textContent = String(status.clients);
  document.querySelector('#heap').textContent = String(status.heapUsedMb);
  document.querySelector('#seq').textContent = `#${status.seq}`;
}

/** A status push is JSON; anything else (the original's `ping`) is shown as it came. */
function received(data) {
  let status;
  try {
    status = JSON.parse(data);
  } catch {
    show('received', data);
    return;
  }
  // The server stamps t with its nanoTime; the page can only show how late the push is by its own clock.
  document.querySelector('#delay').textContent = String(Math.max(0, Date.now() - Date.parse(status.time)));
  show('received', `#${status.seq} clients=${status.clients} heap=${status.heapUsedMb} MB uptime=${status.uptimeMs} ms`);
  plot(status);
}

let ws;

function connect() {
  ws = new WebSocket(socketUrl(), 'echo-protocol');
  ws.onopen = () => { show('info', `open: ${ws.url} ${ws.protocol}`); toggle.textContent = 'Disconnect'; };
  ws.onmessage = (event) => received(event.data);
  ws.onerror = () => show('error', 'error: is the server running?');
  ws.onclose = (event) => { show('info', `close: ${event.code} ${event.reason} wasClean=${event.wasClean}`); toggle.textContent = 'Connect'; };
}

const toggle = document.querySelector('#toggle');
toggle.addEventListener('click', () => (ws.readyState === WebSocket.OPEN ? ws.close(1000, 'bye') : connect()));

document.querySelector('#say').addEventListener('submit', (event) => {
  event.preventDefault();
  const text = document.querySelector('#message').value;
  if (ws.readyState === WebSocket.OPEN) {
    ws.send(text);
    show('sent', text);
  }
});

connect();
