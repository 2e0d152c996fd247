import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { currentSession, signIn } from './api';
import { installPrivacyCheck } from './services/privacy';
import { getAppState } from './store/app-store';
import './app.css';

/** The app shell; Taro renders the current page as `children`. */
function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    installPrivacyCheck();
    getAppState();
    // weapp signs in silently with WeChat at launch; H5 waits for the resident to pick.
    if (process.env.TARO_ENV === 'weapp' && !currentSession()) {
      signIn().catch(() => undefined); // offline: pages sign in on demand later
    }
  });
  return children;
}

export default App;
