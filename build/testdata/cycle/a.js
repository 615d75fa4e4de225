import './b.js';
