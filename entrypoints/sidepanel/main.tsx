import { Panel } from '../../components/panel/Panel';
import { startPage } from '../../components/common/design/page';
import { panelServices } from '../../lib/pages/panel/services';
import './style.css';

startPage(<Panel services={panelServices} />);
