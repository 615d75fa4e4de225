const w=new Worker("engine-worker.9876543210.js");w.postMessage({type:"extract",text:"The minister said so."});
