(function(){
var D=document,$=function(i){return D.getElementById(i);},arr=function(x){return Array.prototype.slice.call(x);};
var secBox=$('sections'),secs={};
// A call row's section id is its first link's fragment.
var rid=function(r){var a=r.cells[0].querySelector('a'),h=a?a.getAttribute('href'):'';return h.slice(h.indexOf('#')+1);};
if(secBox)arr(secBox.children).forEach(function(s){secs[s.id]=s;});
arr(D.querySelectorAll('table.sortable')).forEach(function(t){
  var hs=t.tHead.rows[0].cells;
  arr(hs).forEach(function(th,i){
    th.tabIndex=0;
    var go=function(){
      var b=t.tBodies[0],rows=arr(b.rows),asc=th.getAttribute('aria-sort')!=='ascending';
      arr(hs).forEach(function(h){h.removeAttribute('aria-sort');});
      th.setAttribute('aria-sort',asc?'ascending':'descending');
      var num=th.getAttribute('data-type')==='num';
      var val=function(r){var c=r.cells[i],v=c.getAttribute('data-v');return v===null?c.textContent:v;};
      rows.sort(function(x,y){var a=val(x),c=val(y),r;
        if(num){var fa=parseFloat(a),fc=parseFloat(c);if(isNaN(fa))fa=-Infinity;if(isNaN(fc))fc=-Infinity;r=fa===fc?0:(fa<fc?-1:1);}
        else{r=a.localeCompare(c);}return asc?r:-r;});
      rows.forEach(function(r){b.appendChild(r);});
      // The calls one by one follow the table's order.
      if(t.id==='calls'&&secBox)rows.forEach(function(r){var s=secs[rid(r)];if(s)secBox.appendChild(s);});
    };
    th.addEventListener('click',go);
    th.addEventListener('keydown',function(e){if(e.key==='Enter'||e.key===' '){e.preventDefault();go();}});
  });
});
var F=$('filters');
if(F){
  F.hidden=false;
  var sa=$('f-agent'),sf=$('f-finding'),so=$('f-outcome'),sq=$('f-q'),cnt=$('f-count');
  var rows=arr(D.querySelectorAll('#calls tbody tr')),txt={};
  var text=function(r){var id=rid(r);
    if(txt[id]===undefined){var s=secs[id];txt[id]=(r.textContent+' '+(s?s.textContent:'')).toLowerCase();}return txt[id];};
  var apply=function(save){
    var a=sa.value,f=sf.value,o=so.value,q=sq.value.trim().toLowerCase(),n=0;
    rows.forEach(function(r){
      var ok=(!a||r.getAttribute('data-agent')===a)&&(!o||r.getAttribute('data-o')===o)
        &&(!f||(' '+r.getAttribute('data-f')+' ').indexOf(' '+f+' ')>=0)&&(!q||text(r).indexOf(q)>=0);
      r.hidden=!ok;var s=secs[rid(r)];if(s)s.hidden=!ok;if(ok)n++;});
    cnt.textContent=n+' / '+rows.length;
    D.body.setAttribute('data-shown',String(n));
    if(save){var p=new URLSearchParams();if(a)p.set('agent',a);if(f)p.set('finding',f);if(o)p.set('outcome',o);if(q)p.set('q',sq.value.trim());
      var s=p.toString();try{history.replaceState(null,'',(s?'?'+s:location.pathname)+location.hash);}catch(e){}}
  };
  var p=new URLSearchParams(location.search);
  sa.value=p.get('agent')||'';sf.value=p.get('finding')||'';so.value=p.get('outcome')||'';sq.value=p.get('q')||'';
  [sa,sf,so].forEach(function(e){e.addEventListener('change',function(){apply(true);});});
  sq.addEventListener('input',function(){apply(true);});
  apply(false);
}
// A link to a transcript line opens the folded transcript around it.
var open=function(){
  var h=location.hash.slice(1);if(!h)return;
  var e=$(decodeURIComponent(h));if(!e)return;
  for(var n=e.parentNode;n;n=n.parentNode){if(n.tagName==='DETAILS')n.open=true;}
  if(e.tagName==='LI'){arr(D.querySelectorAll('li.hit')).forEach(function(x){x.classList.remove('hit');});e.classList.add('hit');}
  e.scrollIntoView();
};
window.addEventListener('hashchange',open);
open();
// Milliseconds from navigation to a laid-out page (the layout is forced
// here, as the first paint would): the browser test's load time.
void D.body.offsetHeight;
D.body.setAttribute('data-ready',String(Math.round(performance.now())));
})();
