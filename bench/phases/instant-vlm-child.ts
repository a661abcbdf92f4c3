import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A vision-language server that answers at once, for the caption phase: it
 * reads each request whole (as a real server must) and answers with a fixed
 * caption in the OpenAI-compatible shape, without looking at the image. In a
 * process of its own, so its work is not counted as the app's.
 *
 * usage: tsx instant-vlm-child.ts; prints {"port": N}, serves until killed
 */
const ANSWER = JSON.stringify({
  id: 'chatcmpl-bench',
  object: 'chat.completion',
  choices: [{ index: 0, message: { role: 'assistant', content: 'A photograph of a gradient with a dozen shapes, lit evenly.' }, finish_reason: 'stop' }],
});

const server = createServer((req, res) => {
  req.on('data', () => {});
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(ANSWER) });
    res.end(ANSWER);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});
