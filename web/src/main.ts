document.getElementById("root")!.textContent = "Factline";
