/**
 * The widget's loader, served at `/w/{key}.js`: a button in a shadow root
 * (nothing of the shop's page styles leaks in or out); the chat itself
 * (`/w/chat.js`) is loaded only when the visitor opens it. Plain ES5-level
 * JavaScript, a few hundred bytes gzipped.
 */
export function loaderSource(base: string, key: string): string {
  return `(function(){
var B=${JSON.stringify(base)},K=${JSON.stringify(key)};
if(window.__okienkoChat)return;window.__okienkoChat=1;
var lang=((document.documentElement.lang||navigator.language||'pl').slice(0,2)==='en')?'en':'pl';
var h=document.createElement('div');h.setAttribute('data-okienko-chat','');
var r=h.attachShadow({mode:'open'});
r.innerHTML='<style>.okc-open{position:fixed;right:16px;bottom:16px;z-index:2147483000;border:0;border-radius:24px;padding:12px 18px;background:#1e40af;color:#fff;font:600 15px/1.2 system-ui,sans-serif;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.3)}.okc-open:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}</style><button type="button" class="okc-open" aria-haspopup="dialog" aria-expanded="false"></button>';
var b=r.querySelector('button');b.textContent=lang==='en'?'Chat with us':'Napisz do nas';
function cfg(){return{base:B,key:K,root:r,button:b,lang:lang,visitor:window.okienkoChatSettings||{}}}
b.addEventListener('click',function(){
if(window.OkienkoChat)return window.OkienkoChat.toggle(cfg());
b.disabled=true;var s=document.createElement('script');s.src=B+'/w/chat.js';s.async=true;
s.onload=function(){b.disabled=false;window.OkienkoChat.toggle(cfg())};
s.onerror=function(){b.disabled=false};document.head.appendChild(s);
});
(document.body||document.documentElement).appendChild(h);
})();
`;
}
