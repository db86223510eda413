/**
 * The chat window (`/w/chat.js`), loaded by the loader when the visitor opens
 * it: plain JavaScript in the loader's shadow root, Polish and English,
 * keyboard and screen-reader friendly (a labelled dialog, a polite live log),
 * fitting a phone's width. It keeps the visitor's session in localStorage, so
 * a visitor who comes back continues the conversation; the event stream
 * replays what was missed; with nobody available it offers the offline form.
 */
export const CHAT_SOURCE = String.raw`(function(){
var T={pl:{title:'Czat z obsługą klienta',close:'Zamknij czat',end:'Zakończ rozmowę',msg:'Wiadomość',send:'Wyślij',file:'Dołącz plik',you:'Ty',agent:'Konsultant',joined:' dołącza do rozmowy',moved:'Rozmowę przejmuje ',ended:'Rozmowa zakończona. Napisz, aby zacząć nową.',typing:'Konsultant pisze…',hello:'Dzień dobry! W czym możemy pomóc?',offline:'Nikogo z nas nie ma teraz przy czacie. Zostaw wiadomość, odpowiemy e-mailem.',name:'Imię',email:'E-mail',text:'Treść',leave:'Wyślij wiadomość',thanks:'Dziękujemy! Odpowiemy na podany adres.',form:'Formularz kontaktowy',err:'Nie udało się wysłać. Spróbuj ponownie.'},
en:{title:'Chat with customer service',close:'Close chat',end:'End chat',msg:'Message',send:'Send',file:'Attach a file',you:'You',agent:'Agent',joined:' joined the conversation',moved:'The chat is now with ',ended:'The conversation has ended. Write to start a new one.',typing:'The agent is typing…',hello:'Hello! How can we help?',offline:'Nobody is at the chat right now. Leave a message and we will answer by e-mail.',name:'Name',email:'E-mail',text:'Message',leave:'Send message',thanks:'Thank you! We will answer at the address you gave.',form:'Contact form',err:'Sending failed. Please try again.'}};
var CSS='.okc{position:fixed;right:16px;bottom:72px;z-index:2147483000;width:360px;max-width:calc(100vw - 32px);height:480px;max-height:calc(100vh - 96px);display:flex;flex-direction:column;background:#fff;color:#111827;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.3);font:14px/1.4 system-ui,sans-serif;overflow:hidden}'+
'.okc[hidden]{display:none}.okc header{display:flex;align-items:center;justify-content:space-between;background:#1e40af;color:#fff;padding:10px 12px}.okc h2{margin:0;font-size:15px}'+
'.okc button{font:inherit;cursor:pointer}.okc .x{background:none;border:0;color:#fff;font-size:20px;line-height:1;padding:4px 8px}.okc .x.e{font-size:12px;text-decoration:underline;margin-left:auto}.okc .log{flex:1;overflow-y:auto;padding:10px;display:flex;flex-direction:column;gap:6px}'+
'.okc .m{max-width:80%;padding:7px 10px;border-radius:10px;background:#f3f4f6;white-space:pre-wrap;word-wrap:break-word}.okc .m.me{align-self:flex-end;background:#dbeafe}.okc .s{align-self:center;color:#4b5563;font-size:12px}'+
'.okc .who{display:block;font-size:11px;color:#4b5563}.okc .ty{padding:0 10px;color:#4b5563;font-size:12px;min-height:16px}.okc form{display:flex;gap:6px;padding:8px;border-top:1px solid #e5e7eb;align-items:flex-end}'+
'.okc textarea,.okc input{font:inherit;border:1px solid #6b7280;border-radius:6px;padding:6px;color:#111827;background:#fff}.okc textarea{flex:1;resize:none;height:38px}.okc .go{background:#1e40af;color:#fff;border:0;border-radius:6px;padding:8px 12px}'+
'.okc label.f{border:1px solid #6b7280;border-radius:6px;padding:7px 9px;cursor:pointer}.okc label.f input{position:absolute;width:1px;height:1px;opacity:0}.okc .off{padding:12px;display:flex;flex-direction:column;gap:8px;overflow-y:auto}.okc .off label{display:flex;flex-direction:column;gap:2px}'+
'.okc :focus-visible{outline:3px solid #f59e0b;outline-offset:1px}.okc .sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}';
var st=null;
function el(tag,attrs,text){var e=document.createElement(tag);for(var k in attrs)e.setAttribute(k,attrs[k]);if(text!=null)e.textContent=text;return e}
function api(c,path,opts){opts=opts||{};var h=opts.headers||{};if(st.s&&st.s.token)h.Authorization='Bearer '+st.s.token;if(opts.json){h['Content-Type']='application/json';opts.body=JSON.stringify(opts.json)}
return fetch(c.base+'/api/public/chat/'+path,{method:opts.method||'GET',headers:h,body:opts.body}).then(function(r){return r.status===204?{status:204}:r.json().then(function(b){return{status:r.status,body:b}},function(){return{status:r.status}})})}
function saveS(c){try{localStorage.setItem('okienko-chat:'+c.key,JSON.stringify(st.s))}catch(e){}}
function loadS(c){try{return JSON.parse(localStorage.getItem('okienko-chat:'+c.key)||'null')}catch(e){return null}}
function build(c){var t=T[c.lang];var w=el('div',{'class':'okc',role:'dialog','aria-modal':'false','aria-labelledby':'okc-t',hidden:''});
var hd=el('header');hd.appendChild(el('h2',{id:'okc-t'},t.title));var en=el('button',{type:'button','class':'x e'},t.end);hd.appendChild(en);var x=el('button',{type:'button','class':'x','aria-label':t.close},'×');hd.appendChild(x);w.appendChild(hd);
var log=el('div',{'class':'log',role:'log','aria-live':'polite','aria-label':t.title,tabindex:'0'});w.appendChild(log);
var ty=el('div',{'class':'ty','aria-live':'polite'});w.appendChild(ty);
var f=el('form',{'class':'send'});var ta=el('textarea',{'aria-label':t.msg,placeholder:t.msg,rows:'1',maxlength:'5000'});var fl=el('label',{'class':'f',title:t.file});fl.appendChild(el('span',{'class':'sr'},t.file));fl.appendChild(document.createTextNode('📎'));var fi=el('input',{type:'file'});fl.appendChild(fi);
f.appendChild(ta);f.appendChild(fl);f.appendChild(el('button',{type:'submit','class':'go'},t.send));w.appendChild(f);
var style=el('style');style.textContent=CSS;c.root.appendChild(style);c.root.appendChild(w);
st={c:c,t:t,w:w,log:log,ty:ty,form:f,ta:ta,fi:fi,seen:{},s:loadS(c),es:null,lastTyping:0,tyTimer:null};
x.addEventListener('click',function(){toggle(c)});en.addEventListener('click',function(){if(st.s&&st.s.sessionId&&!st.ended)api(c,'sessions/'+st.s.sessionId+'/end',{method:'POST'})});w.addEventListener('keydown',function(e){if(e.key==='Escape')toggle(c)});
ta.addEventListener('keydown',function(e){if(e.key==='Enter'&&!e.shiftKey){e.preventDefault();submit()}});
ta.addEventListener('input',function(){var n=Date.now();if(st.s&&n-st.lastTyping>3000){st.lastTyping=n;api(c,'sessions/'+st.s.sessionId+'/typing',{method:'POST',json:{typing:true}})}});
f.addEventListener('submit',function(e){e.preventDefault();submit()});
fi.addEventListener('change',function(){var file=fi.files&&fi.files[0];if(!file)return;ensure().then(function(){return api(c,'sessions/'+st.s.sessionId+'/files?name='+encodeURIComponent(file.name),{method:'POST',headers:{'Content-Type':file.type||'application/octet-stream'},body:file})}).then(function(r){if(r.status>=300)sys(t.err);fi.value=''})});
sys(t.hello);
api(c,c.key+'/status').then(function(r){if(r.status===200&&!r.body.online&&!(st.s&&st.s.sessionId))offline(r.body.offlineFormUrl)});
if(st.s&&st.s.sessionId)connect()}
function sys(text){st.log.appendChild(el('p',{'class':'s'},text));st.log.scrollTop=st.log.scrollHeight}
function show(ev){if(st.seen[ev.id])return;st.seen[ev.id]=1;var t=st.t;
if(ev.type==='message'){var me=ev.author==='visitor';var p=el('p',{'class':'m'+(me?' me':'')});p.appendChild(el('span',{'class':'who'},me?t.you:(ev.authorName||t.agent)));if(ev.attachment&&st.s){p.appendChild(el('a',{href:st.c.base+'/api/public/chat/sessions/'+st.s.sessionId+'/files/'+ev.id+'?token='+encodeURIComponent(st.s.token),target:'_blank',rel:'noopener'},ev.text||ev.attachment.filename))}else p.appendChild(document.createTextNode(ev.text||''));st.log.appendChild(p);if(!me)st.ty.textContent=''}
else if(ev.type==='agent_joined')sys((ev.authorName||t.agent)+t.joined);else if(ev.type==='transferred')sys(t.moved+(ev.authorName||''));else if(ev.type==='ended'){sys(t.ended);st.ended=true}
st.log.scrollTop=st.log.scrollHeight}
function connect(){var c=st.c;if(st.es)st.es.close();st.ended=false;
var es=new EventSource(c.base+'/api/public/chat/sessions/'+st.s.sessionId+'/events?token='+encodeURIComponent(st.s.token));st.es=es;
['message','agent_joined','transferred','ended'].forEach(function(n){es.addEventListener(n,function(e){show(JSON.parse(e.data))})});
es.addEventListener('typing',function(e){var d=JSON.parse(e.data);st.ty.textContent=d.typing?st.t.typing:'';clearTimeout(st.tyTimer);st.tyTimer=setTimeout(function(){st.ty.textContent=''},6000)});
es.onerror=function(){if(es.readyState===2){st.es=null}}}
function ensure(){var c=st.c;if(st.s&&st.s.sessionId&&!st.ended)return Promise.resolve();var v=c.visitor||{};
return api(c,c.key+'/sessions',{method:'POST',json:{name:v.name,email:v.email,identityHash:v.identityHash,language:c.lang,visitorId:st.s&&st.s.visitorId||undefined}}).then(function(r){if(r.status!==201)throw new Error('session');st.s={sessionId:r.body.sessionId,token:r.body.token,visitorId:r.body.visitorId};saveS(c);connect()})}
function submit(){var text=st.ta.value.trim();if(!text)return;st.ta.value='';var c=st.c;
ensure().then(function(){return api(c,'sessions/'+st.s.sessionId+'/messages',{method:'POST',json:{text:text}})}).then(function(r){if(r.status===410){st.ended=true;st.ta.value=text;return submit()}if(r.status===201)show(r.body.event);else{st.ta.value=text;sys(st.t.err)}},function(){st.ta.value=text;sys(st.t.err)})}
function offline(url){var t=st.t,c=st.c;st.form.hidden=true;var box=el('form',{'class':'off'});box.appendChild(el('p',{},t.offline));
function field(name,label,type){var l=el('label',{},label);var i=el(type==='area'?'textarea':'input',type==='area'?{name:name,required:'',rows:'4'}:{name:name,type:type,required:name!=='name'?'':null});if(name==='name')i.removeAttribute('required');l.appendChild(i);box.appendChild(l);return i}
var n=field('name',t.name,'text'),m=field('email',t.email,'email'),x=field('text',t.text,'area');box.appendChild(el('button',{type:'submit','class':'go'},t.leave));
if(url){var a=el('a',{href:url,target:'_blank',rel:'noopener'},t.form);box.appendChild(a)}
box.addEventListener('submit',function(e){e.preventDefault();api(c,c.key+'/offline-messages',{method:'POST',json:{name:n.value||undefined,email:m.value,text:x.value}}).then(function(r){if(r.status===201){box.textContent='';box.appendChild(el('p',{role:'status'},t.thanks))}else sys(t.err)})});
st.w.insertBefore(box,st.form)}
function toggle(c){if(!st)build(c);var open=st.w.hasAttribute('hidden');if(open){st.w.removeAttribute('hidden');c.button.setAttribute('aria-expanded','true');st.ta.focus()}else{st.w.setAttribute('hidden','');c.button.setAttribute('aria-expanded','false');c.button.focus()}}
window.OkienkoChat={toggle:toggle};
})();
`;
