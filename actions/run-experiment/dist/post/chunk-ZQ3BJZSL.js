import{createRequire as __rgRequire}from'node:module';const require=__rgRequire(import.meta.url);
import{a,b,c}from"./chunk-XCBLT5NK.js";import"./chunk-ZEPNVWIN.js";import"./chunk-EM6UGJSZ.js";export{c as credentialsTreatedAsExpired,b as credentialsWillNeedRefresh,a as defaultProvider};
