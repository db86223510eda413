/**
 * The embed script (`/f/<key>.js`): renders the form into every
 * `<div data-okienko-form="<key>">` of the page, inside a shadow root (the
 * shop's CSS does not reach it), fetches the definition and its token from
 * the API that served the script, solves the proof of work (SHA-256 in plain
 * JS: no secure context needed) and sends the form as multipart. No
 * framework, no external asset; `{{ORIGIN}}` and `{{KEY}}` are filled in when served.
 */
const SCRIPT = String.raw`(function(){
"use strict";
var ORIGIN={{ORIGIN}},KEY={{KEY}};
var K=[],H0=[];
(function(){function f(x){return (x-Math.floor(x))*4294967296|0}var n=2,c=0;while(c<64){var p=true;for(var i=2;i*i<=n;i++)if(n%i===0){p=false;break}if(p){if(c<8)H0[c]=f(Math.sqrt(n));K[c]=f(Math.cbrt(n));c++}n++}})();
function utf8(s){return new TextEncoder().encode(s)}
function sha256(bytes){
var l=bytes.length,n=((l+9+63)>>6)<<6,m=new Uint8Array(n);m.set(bytes);m[l]=128;var bits=l*8;
for(var i=0;i<4;i++)m[n-1-i]=(bits>>>(8*i))&255;m[n-5]=Math.floor(l/536870912)&255;
var h=H0.slice(),w=new Int32Array(64);
for(var o=0;o<n;o+=64){
for(i=0;i<16;i++)w[i]=(m[o+4*i]<<24)|(m[o+4*i+1]<<16)|(m[o+4*i+2]<<8)|m[o+4*i+3];
for(i=16;i<64;i++){var a=w[i-15],b=w[i-2];w[i]=(((a>>>7)|(a<<25))^((a>>>18)|(a<<14))^(a>>>3))+w[i-16]+(((b>>>17)|(b<<15))^((b>>>19)|(b<<13))^(b>>>10))+w[i-7]|0}
var A=h[0],B=h[1],C=h[2],D=h[3],E=h[4],F=h[5],G=h[6],Hh=h[7];
for(i=0;i<64;i++){var t1=Hh+(((E>>>6)|(E<<26))^((E>>>11)|(E<<21))^((E>>>25)|(E<<7)))+((E&F)^(~E&G))+K[i]+w[i]|0;var t2=(((A>>>2)|(A<<30))^((A>>>13)|(A<<19))^((A>>>22)|(A<<10)))+((A&B)^(A&C)^(B&C))|0;Hh=G;G=F;F=E;E=D+t1|0;D=C;C=B;B=A;A=t1+t2|0}
h[0]=h[0]+A|0;h[1]=h[1]+B|0;h[2]=h[2]+C|0;h[3]=h[3]+D|0;h[4]=h[4]+E|0;h[5]=h[5]+F|0;h[6]=h[6]+G|0;h[7]=h[7]+Hh|0}
return h}
function zeroBits(h){var z=0;for(var i=0;i<8;i++){if(h[i]===0){z+=32;continue}return z+Math.clz32(h[i])}return z}
function solve(token,difficulty){for(var nonce=0;;nonce++){if(zeroBits(sha256(utf8(token+nonce)))>=difficulty)return String(nonce)}}
var CSS=':host{all:initial;display:block;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2933}'+
'form{display:grid;gap:.9rem;max-width:36rem}label{font-weight:600;display:block;margin-bottom:.2rem}'+
'input,select,textarea{box-sizing:border-box;width:100%;font:inherit;padding:.45rem .55rem;border:1px solid #7b8794;border-radius:6px;background:#fff;color:#1f2933}'+
'input[type=checkbox]{width:auto;margin-right:.4rem}textarea{min-height:7rem}'+
'button{font:inherit;font-weight:600;padding:.6rem 1.4rem;border:0;border-radius:6px;background:#1d4ed8;color:#fff;cursor:pointer;justify-self:start}'+
'button[disabled]{opacity:.6}:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}'+
'.err{color:#b91c1c;font-size:.9rem;margin:.2rem 0 0}.req{color:#b91c1c}.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}'+
'.done{padding:1rem;border-radius:8px;background:#ecfdf5;border:1px solid #10b981}.alert{color:#b91c1c;font-weight:600}';
var T={pl:{send:'Wyślij',sending:'Wysyłanie…',failed:'Nie udało się wysłać formularza. Spróbuj ponownie.',busy:'Zbyt wiele zgłoszeń. Spróbuj ponownie za chwilę.',status:'Sprawdź stan sprawy',number:'Numer zgłoszenia: ',fix:'Popraw zaznaczone pola.',required:'(wymagane)',leave:'Nie wypełniaj tego pola'},
en:{send:'Send',sending:'Sending…',failed:'The form could not be sent. Please try again.',busy:'Too many submissions. Please try again in a moment.',status:'Follow your case',number:'Ticket number: ',fix:'Please correct the marked fields.',required:'(required)',leave:'Leave this field empty'}};
function el(tag,attrs,kids){var e=document.createElement(tag);for(var k in attrs||{}){if(k==='text')e.textContent=attrs[k];else if(attrs[k]!==false&&attrs[k]!=null)e.setAttribute(k,attrs[k]===true?'':attrs[k])}(kids||[]).forEach(function(c){if(c)e.appendChild(c)});return e}
function render(host){
var root=host.shadowRoot||host.attachShadow({mode:'open'});root.textContent='';root.appendChild(el('style',{text:CSS}));
var lang=(host.getAttribute('data-lang')||document.documentElement.lang||navigator.language||'pl').slice(0,2).toLowerCase()==='en'?'en':'pl',t=T[lang];
fetch(ORIGIN+'/api/public/forms/'+encodeURIComponent(KEY)+'?lang='+lang,{credentials:'omit'}).then(function(r){if(!r.ok)throw r;return r.json()}).then(function(def){
var loaded=Date.now(),uid='okf'+Math.random().toString(36).slice(2,8),form=el('form',{novalidate:true,'aria-label':def.name}),inputs={},errs={};
def.fields.forEach(function(f){
var id=uid+'-'+f.name,box=el('div'),input,errId=id+'-err',label=el('label',{'for':id,text:f.label});
if(f.required)label.appendChild(el('span',{'class':'req','aria-hidden':'true',text:' *'}));
var common={id:id,name:f.name,'aria-describedby':errId,required:f.required,'aria-required':f.required?'true':false};
if(f.type==='textarea')input=el('textarea',common);
else if(f.type==='select'){input=el('select',common,[el('option',{value:'',text:'—'})].concat((f.options||[]).map(function(o){return el('option',{value:o.value,text:o.label})})))}
else{var type={email:'email',phone:'tel',date:'date',number:'number',checkbox:'checkbox',file:'file'}[f.type]||'text';common.type=type;
if(f.type==='file'){common.multiple=(f.maxFiles||1)>1;common.accept='image/*,application/pdf,.pdf,.doc,.docx,.odt,.txt'}
if(f.type==='email')common.autocomplete='email';if(f.type==='phone')common.autocomplete='tel';if(f.name==='name')common.autocomplete='name';
input=el('input',common)}
var err=el('p',{'class':'err',id:errId,'aria-live':'polite'});
if(f.type==='checkbox'){label.insertBefore(input,label.firstChild);box.appendChild(label)}else{box.appendChild(label);box.appendChild(input)}
box.appendChild(err);inputs[f.name]={f:f,input:input};errs[f.name]=err;form.appendChild(box)});
var hp=el('div',{'class':'hp','aria-hidden':'true'},[el('label',{'for':uid+'-hp',text:t.leave}),el('input',{id:uid+'-hp',name:def.honeypotField,type:'text',tabindex:'-1',autocomplete:'off'})]);
form.appendChild(hp);
var alert=el('p',{'class':'alert',role:'alert'}),button=el('button',{type:'submit',text:t.send});form.appendChild(alert);form.appendChild(button);
form.addEventListener('submit',function(ev){ev.preventDefault();button.disabled=true;button.textContent=t.sending;alert.textContent='';
for(var k in errs){errs[k].textContent='';inputs[k].input.removeAttribute('aria-invalid')}
var data=new FormData();
Object.keys(inputs).forEach(function(n){var f=inputs[n].f,i=inputs[n].input;if(f.type==='file'){for(var j=0;j<i.files.length;j++)data.append(n,i.files[j])}else if(f.type==='checkbox'){if(i.checked)data.append(n,'true')}else if(i.value!=='')data.append(n,i.value)});
data.append(def.honeypotField,form.querySelector('[name="'+def.honeypotField+'"]').value);
data.append('lang',def.language);data.append('token',def.token);
var wait=Math.max(0,3200-(Date.now()-loaded));
setTimeout(function(){data.append('nonce',solve(def.token,def.difficulty));
fetch(ORIGIN+def.submitUrl,{method:'POST',body:data,credentials:'omit'}).then(function(r){return r.json().then(function(b){return{s:r.status,b:b}})}).then(function(res){
if(res.s===201){var done=el('div',{'class':'done',role:'status',tabindex:'-1'},[el('p',{text:res.b.message})]);
if(res.b.ticketNumber)done.appendChild(el('p',{text:t.number+res.b.ticketNumber}));
if(res.b.statusUrl)done.appendChild(el('p',{},[el('a',{href:res.b.statusUrl,text:t.status})]));
form.replaceWith(done);done.focus();return}
button.disabled=false;button.textContent=t.send;
if(res.s===400&&res.b.details&&res.b.details.fields){var first=null;res.b.details.fields.forEach(function(fe){
if(fe.field==='token'||fe.field==='nonce'){alert.textContent=fe.errors.join(' ');return}
if(errs[fe.field]){errs[fe.field].textContent=fe.errors.join(' ');inputs[fe.field].input.setAttribute('aria-invalid','true');first=first||inputs[fe.field].input}});
if(!alert.textContent)alert.textContent=t.fix;if(first)first.focus();return}
alert.textContent=res.s===429?t.busy:t.failed}).catch(function(){button.disabled=false;button.textContent=t.send;alert.textContent=t.failed})},wait)});
root.appendChild(form)}).catch(function(){root.appendChild(el('p',{'class':'alert',role:'alert',text:t.failed}))})}
function all(){var nodes=document.querySelectorAll('[data-okienko-form]');for(var i=0;i<nodes.length;i++)if(nodes[i].getAttribute('data-okienko-form')===KEY&&!nodes[i].shadowRoot)render(nodes[i])}
if(document.readyState==='loading')document.addEventListener('DOMContentLoaded',all);else all();
})();`;

/** The script for one form, served from `origin` (where its requests go). */
export function embedScript(origin: string, key: string): string {
  return SCRIPT.replace('{{ORIGIN}}', JSON.stringify(origin)).replace('{{KEY}}', JSON.stringify(key));
}
